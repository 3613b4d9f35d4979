#include "bordersim/run/record_codec.h"

#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace bordersim {
namespace {

// A field added to a record must be added to encode_record and next() too, or resumed and
// merged batches would silently lose it: these fail to compile until then.
static_assert(sizeof(CrossingRecord) == 144, "CrossingRecord changed: update record_codec.cpp");
// ReplicationRecord::trace is not encoded: the CLI refuses --trace with --resume and under
// MPI ranks, the two paths that carry records through here.
static_assert(sizeof(ReplicationRecord) == 224,
              "ReplicationRecord changed: update record_codec.cpp");

template <class T>
void put(std::string& out, T value) {
  static_assert(std::is_trivially_copyable_v<T>);
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put_crossing(std::string& out, const CrossingRecord& c) {
  put(out, c.replication);
  put(out, c.crosser);
  put(out, c.kind);
  put(out, c.group_size);
  put(out, c.sector);
  put(out, c.start_s);
  put(out, c.first_detection_s);
  put(out, c.interception_s);
  put(out, c.first_detector);
  put(out, c.first_report_s);
  put(out, c.first_dispatch_s);
  put(out, c.interceptor);
  put(out, c.outcome);
  put(out, c.border_x_m);
  put(out, c.border_y_m);
  put(out, c.cargo_value_usd);
  put(out, c.mover);
  put(out, c.cargo);
  put(out, c.organisation);
  put(out, c.seam_distance_m);
  put(out, c.detection_x_m);
  put(out, c.detection_y_m);
  put(out, c.interception_x_m);
  put(out, c.interception_y_m);
}

}  // namespace

void encode_record(std::string& out, std::uint32_t variant, const ReplicationRecord& r) {
  put(out, variant);
  put(out, r.replication);
  put(out, r.crossings);
  put(out, r.detected);
  put(out, r.intercepted);
  put(out, r.aborted);
  put(out, r.escaped);
  put(out, r.false_alarms);
  put(out, r.responder_busy_s);
  put(out, r.missed_arrivals);
  put(out, r.false_alarm_dispatches);
  put(out, r.responder_dispatches);
  put(out, r.responder_available_s);
  put(out, r.value_seized_usd);
  put(out, r.value_delivered_usd);
  put(out, r.events);
  put(out, r.assessments_confirmed);
  put(out, r.assessments_dismissed);
  put(out, r.assessments_unsettled);
  put(out, r.retaskings);
  put(out, static_cast<std::uint64_t>(r.weather_s.size()));
  for (const double s : r.weather_s) put(out, s);
  put(out, static_cast<std::uint64_t>(r.crossing_records.size()));
  for (const CrossingRecord& c : r.crossing_records) put_crossing(out, c);
}

template <class T>
T RecordDecoder::read() {
  if (bytes_.size() - position_ < sizeof(T))
    throw std::runtime_error("record bytes end inside a record");
  T value;
  std::memcpy(&value, bytes_.data() + position_, sizeof(T));
  position_ += sizeof(T);
  return value;
}

ReplicationRecord RecordDecoder::next(std::uint32_t& variant) {
  ReplicationRecord r;
  variant = read<std::uint32_t>();
  r.replication = read<std::uint32_t>();
  r.crossings = read<std::uint64_t>();
  r.detected = read<std::uint64_t>();
  r.intercepted = read<std::uint64_t>();
  r.aborted = read<std::uint64_t>();
  r.escaped = read<std::uint64_t>();
  r.false_alarms = read<std::uint64_t>();
  r.responder_busy_s = read<double>();
  r.missed_arrivals = read<std::uint64_t>();
  r.false_alarm_dispatches = read<std::uint64_t>();
  r.responder_dispatches = read<std::uint64_t>();
  r.responder_available_s = read<double>();
  r.value_seized_usd = read<double>();
  r.value_delivered_usd = read<double>();
  r.events = read<std::uint64_t>();
  r.assessments_confirmed = read<std::uint64_t>();
  r.assessments_dismissed = read<std::uint64_t>();
  r.assessments_unsettled = read<std::uint64_t>();
  r.retaskings = read<std::uint64_t>();
  const auto states = read<std::uint64_t>();
  if (states > (bytes_.size() - position_) / sizeof(double))
    throw std::runtime_error("record bytes are damaged");
  r.weather_s.resize(states);
  for (double& s : r.weather_s) s = read<double>();
  const auto count = read<std::uint64_t>();
  // Each crossing takes at least 60 bytes: a count beyond what is left is damage, not a
  // reason to allocate.
  if (count > (bytes_.size() - position_) / 60)
    throw std::runtime_error("record bytes are damaged");
  r.crossing_records.resize(count);
  for (CrossingRecord& c : r.crossing_records) {
    c.replication = read<std::uint32_t>();
    c.crosser = read<std::uint32_t>();
    c.kind = read<CrosserKind>();
    c.group_size = read<std::uint16_t>();
    c.sector = read<std::uint16_t>();
    c.start_s = read<double>();
    c.first_detection_s = read<double>();
    c.interception_s = read<double>();
    c.first_detector = read<Detector>();
    c.first_report_s = read<double>();
    c.first_dispatch_s = read<double>();
    c.interceptor = read<Responder>();
    c.outcome = read<Outcome>();
    c.border_x_m = read<double>();
    c.border_y_m = read<double>();
    c.cargo_value_usd = read<double>();
    c.mover = read<Mover>();
    c.cargo = read<CargoKind>();
    c.organisation = read<std::uint16_t>();
    c.seam_distance_m = read<double>();
    c.detection_x_m = read<double>();
    c.detection_y_m = read<double>();
    c.interception_x_m = read<double>();
    c.interception_y_m = read<double>();
  }
  return r;
}

}  // namespace bordersim
