#include "trace_table.h"

#include <array>
#include <cstdint>
#include <ranges>
#include <span>
#include <string>

#include "column_spec.h"

namespace bordersim::trace_table {
namespace {

using hdf5::ColumnType;
using hdf5::enum_column;
using hdf5::integer_column;
using hdf5::real_column;
using hdf5::string_column;
using T = TraceRow;

constexpr std::array kEvents = {
    TraceEvent::kHidden,   TraceEvent::kInView,     TraceEvent::kLook,    TraceEvent::kReport,
    TraceEvent::kDispatch, TraceEvent::kNoDispatch, TraceEvent::kArrival, TraceEvent::kEnd};
constexpr std::array kResponders = {Responder::kNone, Responder::kQuickReaction,
                                    Responder::kPatrol};

const std::vector<hdf5::ColumnSpec<TraceRow>> kColumns = {
    integer_column<&T::replication>("replication", ColumnType::kUInt32, "its replication"),
    integer_column<&T::crosser>("crosser", ColumnType::kUInt32,
                                "the crossing's crosser (crossings' crosser)"),
    real_column<&T::time_s>("time_s", "when it happened"),
    enum_column<&T::event, kEvents>(
        "event",
        "`hidden`: a tower's range covered a leg but terrain hid all of it, `los_blocked` = 1, "
        "range_m the nearest; `in_view`: a stretch in a tower's sight begins, at_s when it ends, "
        "p the crew's chance of a sighting in it; `look`: a camera's or drone's glimpse, a crew's "
        "sighting, a ground sensor's pass, a patrol's or aircraft's contact, a radar's look that "
        "detected (its other looks are not recorded), with p its chance "
        "(NaN for a crew's hazard), seen and sensor_up; `report`: a report reaches the post, at_s "
        "when the crosser was seen, note the post's verdict; `dispatch`: responder and "
        "responder_id (QRF team, or the patrol of a vehicle), x_m, y_m where it sets off, range_m "
        "to the crosser, sets_off_s, at_s the planned meeting, goal_s when the crosser would "
        "reach its goal (note `new goal`: a report moved the goal of a team on its way, in the "
        "search modes); `no_dispatch`: note why none was sent; `arrival`: note `intercepted` or "
        "why not, at_s when the track expires (note `searching`: a search mode's team is there and "
        "searches within range_m until at_s); `end`: note the outcome"),
    enum_column<&T::sensor, kDetectorValues>(
        "sensor", "looks, views, reports: the kind of sensor (as crossings' first_detector)"),
    integer_column<&T::sensor_id>(
        "sensor_id", ColumnType::kUInt32,
        "the tower, drone, patrol vehicle, aircraft or ground sensor by index; a radar by its "
        "tower's"),
    real_column<&T::range_m>("range_m", "sensor (or responder at dispatch) to crosser"),
    real_column<&T::p>("p", "the chance of this glimpse or pass; in_view: of a crew sighting"),
    integer_column<&T::seen>("seen", ColumnType::kUInt16, "1 when the look saw it"),
    integer_column<&T::sensor_up>("sensor_up", ColumnType::kUInt16,
                                  "1 when the sensor was in service"),
    integer_column<&T::los_blocked>("los_blocked", ColumnType::kUInt16,
                                    "1 when terrain hid the crosser"),
    real_column<&T::x_m>("x_m", "the crosser (looks), the responder setting off (dispatch)"),
    real_column<&T::y_m>("y_m", "as x_m"),
    enum_column<&T::responder, kResponders>("responder", "dispatch: qrf or patrol"),
    integer_column<&T::responder_id>("responder_id", ColumnType::kUInt32,
                                     "the QRF team, or the patrol of a vehicle"),
    real_column<&T::sets_off_s>("sets_off_s", "dispatch: when the responder leaves"),
    real_column<&T::at_s>("at_s", "see event"),
    real_column<&T::goal_s>("goal_s", "when the crosser reaches its goal, as planned now"),
    string_column<&T::note>("note", "a camera's kind, or the reasons above"),
};

}  // namespace

hdf5::Table from_replications(const std::vector<ReplicationRecord>& replications) {
  auto rows =
      replications |
      std::views::transform([](const ReplicationRecord& r) -> const auto& { return r.trace; }) |
      std::views::join;
  return hdf5::write_columns("trace", std::span(kColumns), rows);
}

std::vector<TraceRow> to_rows(const hdf5::Table& t) {
  return hdf5::read_columns(t, std::span(kColumns));
}

std::vector<ColumnDoc> docs() { return hdf5::column_docs(std::span(kColumns)); }

}  // namespace bordersim::trace_table
