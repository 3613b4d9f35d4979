#include "trace_table.h"

#include <array>
#include <cstdint>
#include <string>

#include "hdf5_handle.h"

namespace bordersim::trace_table {
namespace {

using hdf5::ColumnType;

constexpr std::array kEvents = {
    TraceEvent::kHidden,   TraceEvent::kInView,     TraceEvent::kLook,    TraceEvent::kReport,
    TraceEvent::kDispatch, TraceEvent::kNoDispatch, TraceEvent::kArrival, TraceEvent::kEnd};
constexpr std::array kDetectors = {
    Detector::kNone,   Detector::kTowerCrew, Detector::kCamera,       Detector::kDrone,
    Detector::kPatrol, Detector::kAirRecon,  Detector::kGroundSensor, Detector::kRadar};
constexpr std::array kResponders = {Responder::kNone, Responder::kQuickReaction,
                                    Responder::kPatrol};

template <class Enum, std::size_t N>
Enum parse(const hdf5::Table& table, const char* column, const std::string& text,
           const std::array<Enum, N>& values) {
  for (Enum v : values)
    if (to_string(v) == text) return v;
  throw hdf5::Error(table.label + "/" + column + ": unknown value '" + text + "'");
}

const hdf5::Column& typed(const hdf5::Table& table, const char* name, bool integer) {
  const hdf5::Column& c = table.column(name);
  const bool is_integer = c.type != ColumnType::kFloat64 && c.type != ColumnType::kString;
  if (integer != is_integer || c.type == ColumnType::kString)
    throw hdf5::Error(table.label + "/" + name + " has the wrong type");
  return c;
}

const hdf5::Column& strings(const hdf5::Table& table, const char* name) {
  const hdf5::Column& c = table.column(name);
  if (c.type != ColumnType::kString)
    throw hdf5::Error(table.label + "/" + name + " has the wrong type");
  return c;
}

}  // namespace

hdf5::Table from_replications(const std::vector<ReplicationRecord>& replications) {
  std::size_t n = 0;
  for (const ReplicationRecord& r : replications) n += r.trace.size();
  std::vector<std::uint64_t> replication, crosser, sensor_id, seen, up, blocked, responder_id;
  std::vector<double> time_s, range_m, p, x_m, y_m, sets_off_s, at_s, goal_s;
  std::vector<std::string> event, sensor, responder, note;
  for (auto* v : {&replication, &crosser, &sensor_id, &seen, &up, &blocked, &responder_id})
    v->reserve(n);
  for (const ReplicationRecord& r : replications)
    for (const TraceRow& row : r.trace) {
      replication.push_back(row.replication);
      crosser.push_back(row.crosser);
      time_s.push_back(row.time_s);
      event.emplace_back(to_string(row.event));
      sensor.emplace_back(to_string(row.sensor));
      sensor_id.push_back(row.sensor_id);
      range_m.push_back(row.range_m);
      p.push_back(row.p);
      seen.push_back(row.seen);
      up.push_back(row.sensor_up);
      blocked.push_back(row.los_blocked);
      x_m.push_back(row.x_m);
      y_m.push_back(row.y_m);
      responder.emplace_back(to_string(row.responder));
      responder_id.push_back(row.responder_id);
      sets_off_s.push_back(row.sets_off_s);
      at_s.push_back(row.at_s);
      goal_s.push_back(row.goal_s);
      note.push_back(row.note);
    }
  hdf5::Table t;
  t.label = "trace";
  t.add_integers("replication", ColumnType::kUInt32, std::move(replication));
  t.add_integers("crosser", ColumnType::kUInt32, std::move(crosser));
  t.add_reals("time_s", std::move(time_s));
  t.add_strings("event", std::move(event));
  t.add_strings("sensor", std::move(sensor));
  t.add_integers("sensor_id", ColumnType::kUInt32, std::move(sensor_id));
  t.add_reals("range_m", std::move(range_m));
  t.add_reals("p", std::move(p));
  t.add_integers("seen", ColumnType::kUInt16, std::move(seen));
  t.add_integers("sensor_up", ColumnType::kUInt16, std::move(up));
  t.add_integers("los_blocked", ColumnType::kUInt16, std::move(blocked));
  t.add_reals("x_m", std::move(x_m));
  t.add_reals("y_m", std::move(y_m));
  t.add_strings("responder", std::move(responder));
  t.add_integers("responder_id", ColumnType::kUInt32, std::move(responder_id));
  t.add_reals("sets_off_s", std::move(sets_off_s));
  t.add_reals("at_s", std::move(at_s));
  t.add_reals("goal_s", std::move(goal_s));
  t.add_strings("note", std::move(note));
  return t;
}

std::vector<TraceRow> to_rows(const hdf5::Table& t) {
  const auto& replication = typed(t, "replication", true);
  const auto& crosser = typed(t, "crosser", true);
  const auto& time_s = typed(t, "time_s", false);
  const auto& event = strings(t, "event");
  const auto& sensor = strings(t, "sensor");
  const auto& sensor_id = typed(t, "sensor_id", true);
  const auto& range_m = typed(t, "range_m", false);
  const auto& p = typed(t, "p", false);
  const auto& seen = typed(t, "seen", true);
  const auto& up = typed(t, "sensor_up", true);
  const auto& blocked = typed(t, "los_blocked", true);
  const auto& x_m = typed(t, "x_m", false);
  const auto& y_m = typed(t, "y_m", false);
  const auto& responder = strings(t, "responder");
  const auto& responder_id = typed(t, "responder_id", true);
  const auto& sets_off_s = typed(t, "sets_off_s", false);
  const auto& at_s = typed(t, "at_s", false);
  const auto& goal_s = typed(t, "goal_s", false);
  const auto& note = strings(t, "note");
  std::vector<TraceRow> rows(t.rows());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    TraceRow& r = rows[i];
    r.replication = static_cast<std::uint32_t>(replication.integers[i]);
    r.crosser = static_cast<std::uint32_t>(crosser.integers[i]);
    r.time_s = time_s.reals[i];
    r.event = parse(t, "event", event.strings[i], kEvents);
    r.sensor = parse(t, "sensor", sensor.strings[i], kDetectors);
    r.sensor_id = static_cast<std::uint32_t>(sensor_id.integers[i]);
    r.range_m = range_m.reals[i];
    r.p = p.reals[i];
    r.seen = seen.integers[i] != 0;
    r.sensor_up = up.integers[i] != 0;
    r.los_blocked = blocked.integers[i] != 0;
    r.x_m = x_m.reals[i];
    r.y_m = y_m.reals[i];
    r.responder = parse(t, "responder", responder.strings[i], kResponders);
    r.responder_id = static_cast<std::uint32_t>(responder_id.integers[i]);
    r.sets_off_s = sets_off_s.reals[i];
    r.at_s = at_s.reals[i];
    r.goal_s = goal_s.reals[i];
    r.note = note.strings[i];
  }
  return rows;
}

}  // namespace bordersim::trace_table
