#include "result_tables.h"

#include <fmt/format.h>

#include <array>
#include <ranges>
#include <span>
#include <string>
#include <string_view>

#include "column_spec.h"

namespace bordersim::result_tables {
namespace {

using hdf5::ColumnType;
using hdf5::Table;

constexpr std::array kKinds = {CrosserKind::kInfiltrator, CrosserKind::kSmuggler};
constexpr std::array kMovers = {Mover::kFoot, Mover::kVehicle};
constexpr std::array kCargoKinds = {CargoKind::kNone, CargoKind::kDrugs, CargoKind::kWeapons,
                                    CargoKind::kPeople};
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

using ReplicationSpec = hdf5::ColumnSpec<ReplicationRecord>;
using CrossingSpec = hdf5::ColumnSpec<CrossingRecord, std::vector<SectorTally>>;
using SectorSpec = hdf5::ColumnSpec<SectorTally>;
using SummarySpec = hdf5::ColumnSpec<SummaryRow>;
using R = ReplicationRecord;
using C = CrossingRecord;
using S = SectorTally;
using hdf5::enum_column;
using hdf5::integer_column;
using hdf5::real_column;
using hdf5::string_column;
constexpr bool kOptional = true;  // see ColumnSpec::optional

// first_detector's description names the kinds from kSensorKinds, so that a new kind of
// sensor needs no edit here (defined before the columns that refer to it: same file, so
// initialised first).
const std::string kFirstDetectorDoc = [] {
  std::string names;
  for (const SensorKind& kind : kSensorKinds)
    names += fmt::format("{}{}", names.empty() ? "" : ", ", kind.name);
  return fmt::format(
      "the kind of sensor that saw it first (core/sensor_kinds.h: {}); {} when undetected", names,
      kNoDetectorName);
}();

// The weather_NAME_s columns follow these, one per weather state (from_replications).
const std::vector<ReplicationSpec> kReplicationColumns = {
    integer_column<&R::replication>("replication", ColumnType::kUInt32,
                                    "its number, from 0 (the seed's stream for it)"),
    integer_column<&R::crossings>("crossings", ColumnType::kUInt64, "crossings started"),
    integer_column<&R::detected>("detected", ColumnType::kUInt64, "crossings detected"),
    integer_column<&R::intercepted>("intercepted", ColumnType::kUInt64, "crossings intercepted"),
    integer_column<&R::aborted>("aborted", ColumnType::kUInt64, "crossings turned back"),
    integer_column<&R::escaped>("escaped", ColumnType::kUInt64,
                                "crossings that reached their goal, detected or not"),
    integer_column<&R::false_alarms>("false_alarms", ColumnType::kUInt64,
                                     "false alarms raised by sensors in service"),
    real_column<&R::responder_busy_s>("responder_busy_s",
                                      "responder-seconds busy within the run's duration"),
    integer_column<&R::responder_dispatches>("responder_dispatches", ColumnType::kUInt64,
                                             "responders sent, to crossers or false alarms",
                                             kOptional),
    integer_column<&R::false_alarm_dispatches>("false_alarm_dispatches", ColumnType::kUInt64,
                                               "responders sent to false alarms", kOptional),
    integer_column<&R::missed_arrivals>("missed_arrivals", ColumnType::kUInt64,
                                        "a responder arrived after the track was lost", kOptional),
    real_column<&R::responder_available_s>(
        "responder_available_s", "(teams + responding patrol vehicles) × duration", kOptional),
    real_column<&R::value_seized_usd>("value_seized_usd", "cargo of intercepted crossings",
                                      kOptional),
    real_column<&R::value_delivered_usd>("value_delivered_usd",
                                         "cargo of crossings that reached their goal", kOptional),
    integer_column<&R::events>("events", ColumnType::kUInt64,
                               "events handled: a cost measure, not a model output"),
    integer_column<&R::assessments_confirmed>(
        "assessments_confirmed", ColumnType::kUInt64,
        "reports of crossers a tower camera's assessment confirmed as targets", kOptional),
    integer_column<&R::assessments_dismissed>(
        "assessments_dismissed", ColumnType::kUInt64,
        "false alarms a tower camera's assessment dismissed (no team sent)", kOptional),
    integer_column<&R::assessments_unsettled>(
        "assessments_unsettled", ColumnType::kUInt64,
        "assessments that settled nothing (no camera saw the place, or every look failed)",
        kOptional),
    integer_column<&R::retaskings>(
        "retaskings", ColumnType::kUInt64,
        "teams on their way to a false alarm turned to a confirmed target", kOptional),
};

std::string sector_name(const C& c, const std::vector<SectorTally>& sectors) {
  // sector_tallies() names every index the crossings use, so the lookup cannot miss.
  return sectors.at(c.sector).name;
}

CrossingSpec written_only(std::string_view name, std::string_view doc,
                          std::string (*text)(const C&, const std::vector<SectorTally>&)) {
  CrossingSpec c{name, ColumnType::kString, doc};
  c.text = text;
  return c;
}

template <auto Member, const auto& Values>
CrossingSpec crossing_enum(std::string_view name, std::string_view doc, bool optional = false) {
  return enum_column<Member, Values, std::vector<SectorTally>>(name, doc, optional);
}
template <auto Member>
CrossingSpec crossing_real(std::string_view name, std::string_view doc, bool optional = false) {
  return real_column<Member, std::vector<SectorTally>>(name, doc, optional);
}
template <auto Member>
CrossingSpec crossing_integer(std::string_view name, ColumnType type, std::string_view doc,
                              bool optional = false) {
  return integer_column<Member, std::vector<SectorTally>>(name, type, doc, optional);
}

const std::vector<CrossingSpec> kCrossingColumns = {
    crossing_integer<&C::replication>("replication", ColumnType::kUInt32, "its replication"),
    crossing_integer<&C::crosser>("crosser", ColumnType::kUInt32,
                                  "its number within the replication, in start order"),
    crossing_enum<&C::kind, kKinds>("kind", "infiltrator or smuggler"),
    crossing_integer<&C::group_size>("group_size", ColumnType::kUInt16, "people crossing together"),
    crossing_integer<&C::sector>("sector", ColumnType::kUInt16,
                                 "index of the sector it crossed in"),
    written_only("sector_name", "that sector's name", sector_name),
    crossing_real<&C::start_s>("start_s", "when it set off"),
    crossing_real<&C::first_detection_s>("first_detection_s",
                                         "its first detection (NaN when never detected)"),
    crossing_real<&C::interception_s>("interception_s", "its interception (NaN when none)"),
    crossing_enum<&C::first_detector, kDetectorValues>("first_detector", kFirstDetectorDoc,
                                                       kOptional),
    crossing_real<&C::first_report_s>(
        "first_report_s", "its first report reaches the command post (NaN when none)", kOptional),
    crossing_real<&C::first_dispatch_s>(
        "first_dispatch_s", "a responder first sets off for it (NaN when none)", kOptional),
    crossing_enum<&C::interceptor, kResponders>(
        "interceptor", "qrf or patrol; none when not intercepted", kOptional),
    crossing_enum<&C::outcome, kOutcomes>("outcome",
                                          "undetected, detected, intercepted or aborted"),
    crossing_real<&C::border_x_m>("border_x_m", "where it crossed the border line"),
    crossing_real<&C::border_y_m>("border_y_m", "where it crossed the border line"),
    crossing_real<&C::cargo_value_usd>("cargo_value_usd", "its cargo's value"),
    crossing_enum<&C::mover, kMovers>("mover", "foot or vehicle", kOptional),
    crossing_enum<&C::cargo, kCargoKinds>("cargo", "none, drugs, weapons or people", kOptional),
    crossing_integer<&C::organisation>("organisation", ColumnType::kUInt16,
                                       "a smuggler's organisation, 1, 2, ...; 0: none", kOptional),
    crossing_real<&C::seam_distance_m>(
        "seam_distance_m", "along the border to the nearest seam; NaN without seams", kOptional),
    crossing_real<&C::detection_x_m>(
        "detection_x_m", "where the crosser was at its first detection (NaN when none)", kOptional),
    crossing_real<&C::detection_y_m>(
        "detection_y_m", "where the crosser was at its first detection (NaN when none)", kOptional),
    crossing_real<&C::interception_x_m>("interception_x_m", "where it was caught (NaN when not)",
                                        kOptional),
    crossing_real<&C::interception_y_m>("interception_y_m", "where it was caught (NaN when not)",
                                        kOptional),
};

const std::vector<SectorSpec> kSectorColumns = {
    string_column<&S::name>("name", "the sector's name"),
    string_column<&S::jurisdiction>("jurisdiction", "the post it answers to"),
    real_column<&S::from_m>("from_m", "where it begins along the border"),
    real_column<&S::to_m>("to_m", "where it ends along the border"),
    integer_column<&S::crossings>("crossings", ColumnType::kUInt64,
                                  "crossings over all replications"),
    integer_column<&S::detected>("detected", ColumnType::kUInt64, "of them detected"),
    integer_column<&S::intercepted>("intercepted", ColumnType::kUInt64, "of them intercepted"),
    integer_column<&S::aborted>("aborted", ColumnType::kUInt64, "of them turned back", kOptional),
    real_column<&S::value_seized_usd>("value_seized_usd", "cargo of its intercepted crossings",
                                      kOptional),
    real_column<&S::value_delivered_usd>(
        "value_delivered_usd", "cargo of its crossings that reached their goal", kOptional),
};

const std::vector<SummarySpec> kSummaryColumns = {
    string_column<&SummaryRow::metric>("metric", "the metric's name (results/summary.h)"),
    real_column<&SummaryRow::estimate>("estimate", "its estimate"),
    real_column<&SummaryRow::lower>("lower", "the lower end of its confidence interval"),
    real_column<&SummaryRow::upper>("upper", "the upper end"),
    integer_column<&SummaryRow::n>("n", ColumnType::kUInt64, "the observations behind it"),
};

// The crossing rows of every replication, in replication order, without copying them.
auto all_crossings(const std::vector<ReplicationRecord>& replications) {
  return replications | std::views::transform([](const ReplicationRecord& r) -> const auto& {
           return r.crossing_records;
         }) |
         std::views::join;
}

}  // namespace

Table from_replications(const std::vector<ReplicationRecord>& rows,
                        const std::vector<std::string>& weather_states) {
  Table t = hdf5::write_columns("replications", std::span(kReplicationColumns), rows);
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
  return hdf5::write_columns("crossings", std::span(kCrossingColumns), all_crossings(replications),
                             sectors);
}

Table from_sectors(const std::vector<SectorTally>& rows) {
  return hdf5::write_columns("sectors", std::span(kSectorColumns), rows);
}

Table from_summary(const std::vector<SummaryRow>& rows) {
  return hdf5::write_columns("summary", std::span(kSummaryColumns), rows);
}

std::vector<ReplicationRecord> to_replications(const Table& t) {
  std::vector<ReplicationRecord> rows = hdf5::read_columns(t, std::span(kReplicationColumns));
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
  return hdf5::read_columns(t, std::span(kCrossingColumns));
}

std::vector<SectorTally> to_sectors(const Table& t) {
  return hdf5::read_columns(t, std::span(kSectorColumns));
}

std::vector<SummaryRow> to_summary(const Table& t) {
  return hdf5::read_columns(t, std::span(kSummaryColumns));
}

std::vector<ColumnDoc> replication_docs() {
  return hdf5::column_docs(std::span(kReplicationColumns));
}
std::vector<ColumnDoc> crossing_docs() { return hdf5::column_docs(std::span(kCrossingColumns)); }
std::vector<ColumnDoc> sector_docs() { return hdf5::column_docs(std::span(kSectorColumns)); }
std::vector<ColumnDoc> summary_docs() { return hdf5::column_docs(std::span(kSummaryColumns)); }

}  // namespace bordersim::result_tables
