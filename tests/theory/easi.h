#pragma once
// EASI, the Estimate of Adversary Sequence Interruption (H. A. Bennett, "The EASI
// approach to physical security evaluation", SAND76-0500, Sandia Laboratories, 1977;
// M. L. Garcia, "The Design and Evaluation of Physical Protection Systems",
// Butterworth-Heinemann, 2nd ed. 2008, the chapter on EASI), as issue 4 item 7 asks: an
// adversary (here a crosser) passes n layers in order (approach, tower line, trench,
// rear area, ...). Layer i detects it with probability P_D,i and delays it by a
// normally distributed time (mean t_i, sd σ_i). Only the FIRST detection counts: it is
// reported to the response with probability P_C, and the response, whose time R is
// normal (mean μ_R, sd σ_R), interrupts the crosser iff R < T_i, T_i being the crosser's
// remaining time to its goal after the detection point in layer i. Then
//   P(I) = Σᵢ P_C · P_D,i · Πⱼ<ᵢ (1 − P_D,j) · Φ((E[T_i] − μ_R) / √(σ_R² + Var T_i)),
// since R − T_i is normal when R and the delays are independent normals.
//
// Where in a layer detection happens (EASI's B, M, E inputs): the crosser still has the
// fraction f = 1 (beginning), 1/2 (middle) or 0 (end) of the detecting layer's delay
// ahead of it, so T_i = f·X_i + Σⱼ>ᵢ X_j, with mean f·t_i + Σⱼ>ᵢ t_j and variance
// f²·σ_i² + Σⱼ>ᵢ σ_j². The f² is a modelling choice, ours: the remaining part is a fixed
// share of ONE random delay (a crosser half-way through a marsh has half of that marsh's
// delay ahead of it), not an independent half (which would give f·σ_i²). The Monte-Carlo
// test samples exactly this model. EASI takes B, M or E per layer from where its sensor
// sits (a fence alarm before the climb: B; an alarm only at the far side: E). For
// bordersim's layers — a belt a crosser walks through, seen by
// towers, drones or patrols at a roughly uniform point along its way — the default is
// the middle: it gives the mean remaining time of a detection point uniform over the
// layer (E[1 − U] = 1/2). Pass kEnd for a conservative (pessimistic) estimate.
//
// EASI's assumptions, kept: layers act independently; an uncommunicated first detection
// is a lost chance (later layers do not get another one); delays and response times are
// independent normals (negative draws are not truncated).
#include <cstddef>
#include <span>
#include <vector>

namespace bordersim::c2 {

enum class DetectionPoint { kBeginning, kMiddle, kEnd };

// The share of the detecting layer's delay still ahead of the crosser: 1, 1/2 or 0.
double remaining_fraction(DetectionPoint point);

struct EasiLayer {
  double detection_probability = 0.0;  // P_D,i in [0, 1]
  DetectionPoint detection_point = DetectionPoint::kMiddle;
  double delay_mean_s = 0.0;  // t_i >= 0
  double delay_sd_s = 0.0;    // σ_i >= 0
};

struct EasiResponse {
  double mean_s = 0.0;  // μ_R >= 0: from the detection to the response's arrival
  double sd_s = 0.0;    // σ_R >= 0
  double communication_probability = 1.0;  // P_C in [0, 1]
};

struct NormalTime {
  double mean_s = 0.0;
  double sd_s = 0.0;
};

// T_i, the remaining time to the goal after detection in layer `detecting_layer`.
NormalTime easi_remaining_time(std::span<const EasiLayer> path, std::size_t detecting_layer);

// P(R < T) for independent normals: Φ((E[T] − μ_R) / √(σ_R² + σ_T²)). When both sds
// are 0 it is the deterministic race, 1 if E[T] > μ_R, else 0 (strict, as the simulator).
double response_beats(const NormalTime& remaining, const EasiResponse& response);

// The terms of the sum: term i is the probability that the first detection is in layer
// i, is communicated, and the response arrives in time. Their sum is P(I).
std::vector<double> easi_interruption_terms(std::span<const EasiLayer> path,
                                            const EasiResponse& response);

// P(I), the probability of interruption along the path.
double easi_interruption_probability(std::span<const EasiLayer> path, const EasiResponse& response);

}  // namespace bordersim::c2
