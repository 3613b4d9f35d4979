#pragma once
// Closed forms of the interception race (issue 4, item 7): a crosser is detected with a
// remaining time T to its goal; the command chain needs a dispatch delay D before a team
// sets off, and the team needs a response (travel) time R to reach the crosser's way. The
// crosser is intercepted iff D + R < T. The strict inequality matches the simulator (a
// crosser that reaches its goal at the instant the team arrives has escaped); for the
// continuous laws below the boundary has probability zero anyway. Fixed parts of the
// delay (a report latency) add to R: only D's random part is D.
// SI units; rates in 1/s. Arguments out of their domain throw std::invalid_argument.
#include "theory/queueing.h"

namespace bordersim::c2 {

// D ~ Exp(rate), R and T fixed:
//   P = P(D < T − R) = 1 − exp(−rate·(T − R))  for T > R,  0 for T ≤ R.
// rate = +inf (no delay) gives the deterministic race 1[T > R]; rate = 0 (never
// dispatched) gives 0.
double interception_probability_fixed_goal(double dispatch_rate_per_s, double response_s,
                                           double time_to_goal_s);

// D ~ Exp(rate) and T ~ Exp(goal_rate) independent ("competing exponentials": the crosser
// reaches its goal at constant hazard goal_rate, e.g. a memoryless remaining path), R
// fixed. Conditioning on D and using the Laplace transform E[exp(−g·D)] = r/(r + g):
//   P = P(T > D + R) = E[exp(−g·(D + R))] = exp(−g·R) · r / (r + g).
// Read it as two races in a row: the dispatch must come before the goal (r/(r + g), the
// first of two competing exponential clocks), and then, by memorylessness, the crosser
// must still be short of its goal after the further R seconds (exp(−g·R)).
// goal_rate = 0 (never arrives) gives 1 for any rate > 0; rate = +inf gives exp(−g·R).
double interception_probability_exponential_goal(double dispatch_rate_per_s, double response_s,
                                                 double goal_rate_per_s);

// D the wait for a free team in an M/M/c pool (queueing.h, FCFS): D = 0 with probability
// 1 − C, else D ~ Exp(cμ − λ) (C = Erlang C). With R and T fixed:
//   P = P(W < T − R) = 1 − C·exp(−(cμ − λ)·(T − R))  for T > R,  0 for T ≤ R.
// This assumes the crosser's T is independent of the pool's state, as it is for a
// Poisson stream of detections (PASTA).
double interception_probability_after_queue(const ResponderPool& pool, double response_s,
                                            double time_to_goal_s);

}  // namespace bordersim::c2
