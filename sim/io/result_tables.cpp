#include "result_tables.h"

#include <fmt/format.h>

#include <array>
#include <functional>
#include <limits>
#include <string>
#include <string_view>

#include "hdf5_handle.h"

namespace bordersim::result_tables {
namespace {

using hdf5::ColumnType;
using hdf5::Table;

template <class Rows, class Field>
std::vector<std::uint64_t> integers(const Rows& rows, Field field) {
  std::vector<std::uint64_t> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(static_cast<std::uint64_t>(std::invoke(field, r)));
  return out;
}

template <class Rows, class Field>
std::vector<double> reals(const Rows& rows, Field field) {
  std::vector<double> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(static_cast<double>(std::invoke(field, r)));
  return out;
}

template <class Rows, class Field>
std::vector<std::string> strings(const Rows& rows, Field field) {
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.emplace_back(std::invoke(field, r));
  return out;
}

// A column's integers narrowed to T, refusing values that do not fit (a damaged file or one
// written by something else, rather than a silent wrap-around).
template <class T>
T narrow(const Table& table, const hdf5::Column& column, std::size_t row) {
  const std::uint64_t value = column.integers[row];
  if (value > std::numeric_limits<T>::max()) {
    throw hdf5::Error(table.label + "/" + column.name + ": value " + std::to_string(value) +
                      " out of range");
  }
  return static_cast<T>(value);
}

const hdf5::Column& column(const Table& table, const char* name, ColumnType type) {
  const hdf5::Column& c = table.column(name);
  const bool integer_wanted = type != ColumnType::kFloat64 && type != ColumnType::kString;
  const bool integer_found = c.type != ColumnType::kFloat64 && c.type != ColumnType::kString;
  if (integer_wanted ? !integer_found : c.type != type) {
    throw hdf5::Error(table.label + "/" + name + " has the wrong type");
  }
  return c;
}

// A column written since format 1 came out: files from before it lack it, and their rows
// keep the record's defaults.
const hdf5::Column* optional_column(const Table& table, const char* name, ColumnType type) {
  return table.find(name) ? &column(table, name, type) : nullptr;
}

template <class Enum, std::size_t N>
Enum parse(const Table& table, const char* column_name, const std::string& text,
           const std::array<Enum, N>& values) {
  for (Enum v : values) {
    if (to_string(v) == text) return v;
  }
  throw hdf5::Error(table.label + "/" + column_name + ": unknown value '" + text + "'");
}

constexpr std::array kKinds = {CrosserKind::kInfiltrator, CrosserKind::kSmuggler};
constexpr std::array kMovers = {Mover::kFoot, Mover::kVehicle};
constexpr std::array kCargoKinds = {CargoKind::kNone, CargoKind::kDrugs, CargoKind::kWeapons,
                                    CargoKind::kPeople};
constexpr std::array kDetectors = {
    Detector::kNone,   Detector::kTowerCrew, Detector::kCamera,       Detector::kDrone,
    Detector::kPatrol, Detector::kAirRecon,  Detector::kGroundSensor, Detector::kRadar};
constexpr std::array kResponders = {Responder::kNone, Responder::kQuickReaction,
                                    Responder::kPatrol};
constexpr std::array kOutcomes = {Outcome::kUndetected, Outcome::kDetectedNotIntercepted,
                                  Outcome::kIntercepted, Outcome::kAborted};

// Columns of the time spent in each weather state: weather_NAME_s.
constexpr std::string_view kWeatherPrefix = "weather_";
constexpr std::string_view kWeatherSuffix = "_s";

bool is_weather_column(const hdf5::Column& c) {
  const std::string_view name = c.name;
  return name.size() > kWeatherPrefix.size() + kWeatherSuffix.size() &&
         name.starts_with(kWeatherPrefix) && name.ends_with(kWeatherSuffix) &&
         c.type == ColumnType::kFloat64;
}

}  // namespace

Table from_replications(const std::vector<ReplicationRecord>& rows,
                        const std::vector<std::string>& weather_states) {
  using R = ReplicationRecord;
  Table t;
  t.label = "replications";
  t.add_integers("replication", ColumnType::kUInt32, integers(rows, &R::replication));
  t.add_integers("crossings", ColumnType::kUInt64, integers(rows, &R::crossings));
  t.add_integers("detected", ColumnType::kUInt64, integers(rows, &R::detected));
  t.add_integers("intercepted", ColumnType::kUInt64, integers(rows, &R::intercepted));
  t.add_integers("aborted", ColumnType::kUInt64, integers(rows, &R::aborted));
  t.add_integers("escaped", ColumnType::kUInt64, integers(rows, &R::escaped));
  t.add_integers("false_alarms", ColumnType::kUInt64, integers(rows, &R::false_alarms));
  t.add_reals("responder_busy_s", reals(rows, &R::responder_busy_s));
  t.add_integers("responder_dispatches", ColumnType::kUInt64,
                 integers(rows, &R::responder_dispatches));
  t.add_integers("false_alarm_dispatches", ColumnType::kUInt64,
                 integers(rows, &R::false_alarm_dispatches));
  t.add_integers("missed_arrivals", ColumnType::kUInt64, integers(rows, &R::missed_arrivals));
  t.add_reals("responder_available_s", reals(rows, &R::responder_available_s));
  t.add_reals("value_seized_usd", reals(rows, &R::value_seized_usd));
  t.add_reals("value_delivered_usd", reals(rows, &R::value_delivered_usd));
  t.add_integers("events", ColumnType::kUInt64, integers(rows, &R::events));
  for (std::size_t i = 0; i < weather_states.size(); ++i) {
    std::vector<double> seconds;
    for (const R& r : rows) seconds.push_back(i < r.weather_s.size() ? r.weather_s[i] : kMissing);
    t.add_reals(fmt::format("{}{}{}", kWeatherPrefix, weather_states[i], kWeatherSuffix),
                std::move(seconds));
  }
  return t;
}

Table from_crossings(const std::vector<ReplicationRecord>& replications,
                     const std::vector<SectorTally>& sectors) {
  using C = CrossingRecord;
  std::vector<C> rows;
  for (const ReplicationRecord& r : replications) {
    rows.insert(rows.end(), r.crossing_records.begin(), r.crossing_records.end());
  }
  Table t;
  t.label = "crossings";
  t.add_integers("replication", ColumnType::kUInt32, integers(rows, &C::replication));
  t.add_integers("crosser", ColumnType::kUInt32, integers(rows, &C::crosser));
  t.add_strings("kind", strings(rows, [](const C& c) { return to_string(c.kind); }));
  t.add_integers("group_size", ColumnType::kUInt16, integers(rows, &C::group_size));
  t.add_integers("sector", ColumnType::kUInt16, integers(rows, &C::sector));
  // sector_tallies() names every index the crossings use, so the lookup cannot miss.
  t.add_strings("sector_name",
                strings(rows, [&](const C& c) { return sectors.at(c.sector).name; }));
  t.add_reals("start_s", reals(rows, &C::start_s));
  t.add_reals("first_detection_s", reals(rows, &C::first_detection_s));
  t.add_reals("interception_s", reals(rows, &C::interception_s));
  t.add_strings("first_detector",
                strings(rows, [](const C& c) { return to_string(c.first_detector); }));
  t.add_reals("first_report_s", reals(rows, &C::first_report_s));
  t.add_reals("first_dispatch_s", reals(rows, &C::first_dispatch_s));
  t.add_strings("interceptor", strings(rows, [](const C& c) { return to_string(c.interceptor); }));
  t.add_strings("outcome", strings(rows, [](const C& c) { return to_string(c.outcome); }));
  t.add_reals("border_x_m", reals(rows, &C::border_x_m));
  t.add_reals("border_y_m", reals(rows, &C::border_y_m));
  t.add_reals("cargo_value_usd", reals(rows, &C::cargo_value_usd));
  t.add_strings("mover", strings(rows, [](const C& c) { return to_string(c.mover); }));
  t.add_strings("cargo", strings(rows, [](const C& c) { return to_string(c.cargo); }));
  t.add_integers("organisation", ColumnType::kUInt16, integers(rows, &C::organisation));
  t.add_reals("seam_distance_m", reals(rows, &C::seam_distance_m));
  t.add_reals("detection_x_m", reals(rows, &C::detection_x_m));
  t.add_reals("detection_y_m", reals(rows, &C::detection_y_m));
  t.add_reals("interception_x_m", reals(rows, &C::interception_x_m));
  t.add_reals("interception_y_m", reals(rows, &C::interception_y_m));
  return t;
}

Table from_sectors(const std::vector<SectorTally>& rows) {
  using S = SectorTally;
  Table t;
  t.label = "sectors";
  t.add_strings("name", strings(rows, &S::name));
  t.add_strings("jurisdiction", strings(rows, &S::jurisdiction));
  t.add_reals("from_m", reals(rows, &S::from_m));
  t.add_reals("to_m", reals(rows, &S::to_m));
  t.add_integers("crossings", ColumnType::kUInt64, integers(rows, &S::crossings));
  t.add_integers("detected", ColumnType::kUInt64, integers(rows, &S::detected));
  t.add_integers("intercepted", ColumnType::kUInt64, integers(rows, &S::intercepted));
  t.add_integers("aborted", ColumnType::kUInt64, integers(rows, &S::aborted));
  t.add_reals("value_seized_usd", reals(rows, &S::value_seized_usd));
  t.add_reals("value_delivered_usd", reals(rows, &S::value_delivered_usd));
  return t;
}

Table from_summary(const std::vector<SummaryRow>& rows) {
  Table t;
  t.label = "summary";
  t.add_strings("metric", strings(rows, &SummaryRow::metric));
  t.add_reals("estimate", reals(rows, &SummaryRow::estimate));
  t.add_reals("lower", reals(rows, &SummaryRow::lower));
  t.add_reals("upper", reals(rows, &SummaryRow::upper));
  t.add_integers("n", ColumnType::kUInt64, integers(rows, &SummaryRow::n));
  return t;
}

std::vector<ReplicationRecord> to_replications(const Table& t) {
  const auto& replication = column(t, "replication", ColumnType::kUInt32);
  const auto& crossings = column(t, "crossings", ColumnType::kUInt64);
  const auto& detected = column(t, "detected", ColumnType::kUInt64);
  const auto& intercepted = column(t, "intercepted", ColumnType::kUInt64);
  const auto& aborted = column(t, "aborted", ColumnType::kUInt64);
  const auto& escaped = column(t, "escaped", ColumnType::kUInt64);
  const auto& false_alarms = column(t, "false_alarms", ColumnType::kUInt64);
  const auto& busy = column(t, "responder_busy_s", ColumnType::kFloat64);
  const auto& events = column(t, "events", ColumnType::kUInt64);
  const auto* dispatches = optional_column(t, "responder_dispatches", ColumnType::kUInt64);
  const auto* false_alarm_dispatches =
      optional_column(t, "false_alarm_dispatches", ColumnType::kUInt64);
  const auto* missed = optional_column(t, "missed_arrivals", ColumnType::kUInt64);
  const auto* available = optional_column(t, "responder_available_s", ColumnType::kFloat64);
  const auto* seized = optional_column(t, "value_seized_usd", ColumnType::kFloat64);
  const auto* delivered = optional_column(t, "value_delivered_usd", ColumnType::kFloat64);
  std::vector<ReplicationRecord> rows(t.rows());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ReplicationRecord& r = rows[i];
    r.replication = narrow<std::uint32_t>(t, replication, i);
    r.crossings = crossings.integers[i];
    r.detected = detected.integers[i];
    r.intercepted = intercepted.integers[i];
    r.aborted = aborted.integers[i];
    r.escaped = escaped.integers[i];
    r.false_alarms = false_alarms.integers[i];
    r.responder_busy_s = busy.reals[i];
    r.events = events.integers[i];
    if (dispatches) r.responder_dispatches = dispatches->integers[i];
    if (false_alarm_dispatches) r.false_alarm_dispatches = false_alarm_dispatches->integers[i];
    if (missed) r.missed_arrivals = missed->integers[i];
    if (available) r.responder_available_s = available->reals[i];
    if (seized) r.value_seized_usd = seized->reals[i];
    if (delivered) r.value_delivered_usd = delivered->reals[i];
  }
  // The weather columns, in the order written (the states' order).
  for (const hdf5::Column& c : t.columns()) {
    if (!is_weather_column(c)) continue;
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].weather_s.push_back(c.reals[i]);
  }
  return rows;
}

std::vector<std::string> weather_states(const Table& t) {
  std::vector<std::string> names;
  for (const hdf5::Column& c : t.columns()) {
    if (!is_weather_column(c)) continue;
    names.push_back(c.name.substr(kWeatherPrefix.size(),
                                  c.name.size() - kWeatherPrefix.size() - kWeatherSuffix.size()));
  }
  return names;
}

std::vector<CrossingRecord> to_crossings(const Table& t) {
  const auto& replication = column(t, "replication", ColumnType::kUInt32);
  const auto& crosser = column(t, "crosser", ColumnType::kUInt32);
  const auto& kind = column(t, "kind", ColumnType::kString);
  const auto& group_size = column(t, "group_size", ColumnType::kUInt16);
  const auto& sector = column(t, "sector", ColumnType::kUInt16);
  const auto& start = column(t, "start_s", ColumnType::kFloat64);
  const auto& detection = column(t, "first_detection_s", ColumnType::kFloat64);
  const auto& interception = column(t, "interception_s", ColumnType::kFloat64);
  const auto& outcome = column(t, "outcome", ColumnType::kString);
  const auto& x = column(t, "border_x_m", ColumnType::kFloat64);
  const auto& y = column(t, "border_y_m", ColumnType::kFloat64);
  const auto& cargo = column(t, "cargo_value_usd", ColumnType::kFloat64);
  const auto* mover = optional_column(t, "mover", ColumnType::kString);
  const auto* cargo_kind = optional_column(t, "cargo", ColumnType::kString);
  const auto* organisation = optional_column(t, "organisation", ColumnType::kUInt16);
  const auto* seam = optional_column(t, "seam_distance_m", ColumnType::kFloat64);
  const auto* detector = optional_column(t, "first_detector", ColumnType::kString);
  const auto* report = optional_column(t, "first_report_s", ColumnType::kFloat64);
  const auto* dispatch = optional_column(t, "first_dispatch_s", ColumnType::kFloat64);
  const auto* interceptor = optional_column(t, "interceptor", ColumnType::kString);
  const auto* detection_x = optional_column(t, "detection_x_m", ColumnType::kFloat64);
  const auto* detection_y = optional_column(t, "detection_y_m", ColumnType::kFloat64);
  const auto* interception_x = optional_column(t, "interception_x_m", ColumnType::kFloat64);
  const auto* interception_y = optional_column(t, "interception_y_m", ColumnType::kFloat64);
  std::vector<CrossingRecord> rows(t.rows());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CrossingRecord& c = rows[i];
    c.replication = narrow<std::uint32_t>(t, replication, i);
    c.crosser = narrow<std::uint32_t>(t, crosser, i);
    c.kind = parse(t, "kind", kind.strings[i], kKinds);
    c.group_size = narrow<std::uint16_t>(t, group_size, i);
    c.sector = narrow<std::uint16_t>(t, sector, i);
    c.start_s = start.reals[i];
    c.first_detection_s = detection.reals[i];
    c.interception_s = interception.reals[i];
    c.outcome = parse(t, "outcome", outcome.strings[i], kOutcomes);
    c.border_x_m = x.reals[i];
    c.border_y_m = y.reals[i];
    c.cargo_value_usd = cargo.reals[i];
    if (mover) c.mover = parse(t, "mover", mover->strings[i], kMovers);
    if (cargo_kind) c.cargo = parse(t, "cargo", cargo_kind->strings[i], kCargoKinds);
    if (organisation) c.organisation = narrow<std::uint16_t>(t, *organisation, i);
    if (seam) c.seam_distance_m = seam->reals[i];
    if (detector) c.first_detector = parse(t, "first_detector", detector->strings[i], kDetectors);
    if (report) c.first_report_s = report->reals[i];
    if (dispatch) c.first_dispatch_s = dispatch->reals[i];
    if (interceptor) c.interceptor = parse(t, "interceptor", interceptor->strings[i], kResponders);
    if (detection_x) c.detection_x_m = detection_x->reals[i];
    if (detection_y) c.detection_y_m = detection_y->reals[i];
    if (interception_x) c.interception_x_m = interception_x->reals[i];
    if (interception_y) c.interception_y_m = interception_y->reals[i];
  }
  return rows;
}

std::vector<SectorTally> to_sectors(const Table& t) {
  const auto& name = column(t, "name", ColumnType::kString);
  const auto& jurisdiction = column(t, "jurisdiction", ColumnType::kString);
  const auto& from = column(t, "from_m", ColumnType::kFloat64);
  const auto& to = column(t, "to_m", ColumnType::kFloat64);
  const auto& crossings = column(t, "crossings", ColumnType::kUInt64);
  const auto& detected = column(t, "detected", ColumnType::kUInt64);
  const auto& intercepted = column(t, "intercepted", ColumnType::kUInt64);
  const auto* aborted = optional_column(t, "aborted", ColumnType::kUInt64);
  const auto* seized = optional_column(t, "value_seized_usd", ColumnType::kFloat64);
  const auto* delivered = optional_column(t, "value_delivered_usd", ColumnType::kFloat64);
  std::vector<SectorTally> rows(t.rows());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SectorTally& s = rows[i];
    s.name = name.strings[i];
    s.jurisdiction = jurisdiction.strings[i];
    s.from_m = from.reals[i];
    s.to_m = to.reals[i];
    s.crossings = crossings.integers[i];
    s.detected = detected.integers[i];
    s.intercepted = intercepted.integers[i];
    if (aborted) s.aborted = aborted->integers[i];
    if (seized) s.value_seized_usd = seized->reals[i];
    if (delivered) s.value_delivered_usd = delivered->reals[i];
  }
  return rows;
}

std::vector<SummaryRow> to_summary(const Table& t) {
  const auto& metric = column(t, "metric", ColumnType::kString);
  const auto& estimate = column(t, "estimate", ColumnType::kFloat64);
  const auto& lower = column(t, "lower", ColumnType::kFloat64);
  const auto& upper = column(t, "upper", ColumnType::kFloat64);
  const auto& n = column(t, "n", ColumnType::kUInt64);
  std::vector<SummaryRow> rows(t.rows());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i] = SummaryRow{metric.strings[i], estimate.reals[i], lower.reals[i], upper.reals[i],
                         n.integers[i]};
  }
  return rows;
}

}  // namespace bordersim::result_tables
