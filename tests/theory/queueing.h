#pragma once
// Closed forms of a pool of responders fed by Poisson detections, which the simulator's
// command chain must reproduce (issue 4, item 7). The pool has c identical teams; a job
// (one dispatch: drive, time on scene, drive back) holds one team for a service time S
// with mean 1/μ. Two disciplines, as the scenario's `response.when_busy` offers them:
//  - "drop": a report that finds every team busy is given up. This is Erlang's loss
//    system M/G/c/c; its blocking probability is Erlang B, which depends on S only
//    through its mean (Sevastyanov 1957), so it holds for the simulator's fixed drives.
//  - "queue": the report waits, first come first served, for the first free team. With
//    exponential S this is M/M/c, whose waiting probability is Erlang C; with one team and
//    any S it is M/G/1 (Pollaczek–Khinchine).
// SI units (s, 1/s); loads in erlangs. Arguments out of their domain (negative rates, no
// servers, an unstable queue where a stationary answer is asked for) throw
// std::invalid_argument.
//
// Sources: A. K. Erlang (1917), "Solution of some problems in the theory of probabilities
// of significance in automatic telephone exchanges"; L. Kleinrock, "Queueing Systems,
// Vol. 1: Theory" (Wiley, 1975), ch. 3 (M/M/c, M/M/c/c) and ch. 5 (M/G/1);
// V. B. Iversen, "Teletraffic Engineering and Network Planning" (ITU-D/DTU), the chapters
// on Erlang's loss and delay systems (the B recursion); J. D. C. Little, "A proof for
// the queuing formula L = λW", Operations Research 9 (1961) 383–387.

namespace bordersim::c2 {

// ---------------------------------------------------------------- Erlang's formulas

// Erlang B: the probability that a Poisson arrival finds all c servers busy in the loss
// system M/G/c/c with offered load a = λ/μ erlangs, B = (aᶜ/c!) / Σₖ₌₀ᶜ aᵏ/k!.
// Computed by the recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which never
// overflows and loses no precision (every step is a ratio of positive numbers), for any
// c ≥ 0 and a ≥ 0 (a need not be an integer).
double erlang_b(double offered_load_erlang, int servers);

// Erlang C: the probability that a Poisson arrival must wait in M/M/c (FCFS, infinite
// queue), C = c·B / (c − a·(1 − B)) with B = erlang_b(a, c). Needs c ≥ 1 and a < c: at
// a ≥ c the queue grows without bound and there is no stationary probability.
double erlang_c(double offered_load_erlang, int servers);

// The smallest number of servers whose Erlang B is at most `max_blocking` (in (0, 1]):
// how many teams keep the share of dropped reports below a target.
int servers_for_blocking(double offered_load_erlang, double max_blocking);

// ---------------------------------------------------------------- a pool of c teams

// λ: detections acted on per second; μ = 1 / mean job time; c teams.
struct ResponderPool {
  double arrival_rate_per_s = 0.0;
  double service_rate_per_s = 0.0;
  int servers = 1;
};

// a = λ/μ, the offered load in erlangs (the mean number of teams an infinite pool would
// keep busy).
double offered_load(const ResponderPool& pool);

// ρ = λ/(cμ), the share of time each team is busy in the queueing system (when ρ < 1).
double utilisation(const ResponderPool& pool);

// Loss system ("drop"), any service-time distribution with mean 1/μ:
// the share of reports dropped (Erlang B, by PASTA it is also the share of time all
// teams are busy) and the mean number of busy teams, a·(1 − B) (carried load).
double blocking_probability(const ResponderPool& pool);
double mean_busy_servers_loss(const ResponderPool& pool);

// Queueing system ("queue"), M/M/c, FCFS; all need ρ < 1.
// P(W > 0) = Erlang C.
double probability_of_waiting(const ResponderPool& pool);
// W_q = C / (cμ − λ): the mean wait of a report for a free team.
double mean_wait_in_queue_s(const ResponderPool& pool);
// P(W > t) = C·exp(−(cμ − λ)·t) for t ≥ 0: a waiting report waits an exponential time
// of rate cμ − λ (the pool then clears the queue at rate cμ while λ keeps arriving).
double wait_exceeds(const ResponderPool& pool, double wait_s);
// L_q = λ·W_q (Little), the mean number of reports waiting.
double mean_queue_length(const ResponderPool& pool);
// The mean number of busy teams, a (every offered job is served).
double mean_busy_servers_queue(const ResponderPool& pool);

// M/G/1 (one team, any job-time distribution), FCFS: the Pollaczek–Khinchine mean wait
// W_q = λ·E[S²] / (2·(1 − ρ)), ρ = λ·E[S] < 1 (Kleinrock 1975, ch. 5). E[S²] =
// Var S + E[S]²: fixed job times (one team, one base, crossers at one place) give E[S]²,
// exponential ones 2·E[S]² (M/M/1).
double mg1_mean_wait_in_queue_s(double arrival_rate_per_s, double mean_service_s,
                                double service_second_moment_s2);

// ---------------------------------------------------------------- Little's law

// L = λ·W for any stable system in which items arrive at rate λ and stay W on average
// (Little 1961): e.g. the mean number of crossers on the ground from their arrival rate
// and mean time to cross, or the mean number of tracks held.
double littles_law_mean_number(double arrival_rate_per_s, double mean_time_s);
// W = L / λ: the mean stay from a time-averaged count.
double littles_law_mean_time_s(double mean_number, double arrival_rate_per_s);

}  // namespace bordersim::c2
