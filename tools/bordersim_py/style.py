"""Colours and names shared by the pictures, so that a planner learns them once."""

# Land cover, muted so that what is drawn on top stays readable (terrain::LandCover order).
LAND_COVER_COLOURS = {
    "desert": "#efe3c4", "steppe": "#dfe2b8", "farmland": "#c6dfa5", "urban": "#b9b4b0",
    "mountain": "#c9b39a", "swamp": "#a9cfc4", "water": "#9cc3e6", "road": "#d8d2c8",
}

# Outcomes of a crossing, by what a planner cares about: red got through unseen, orange
# seen but got through, green intercepted, grey turned back.
OUTCOME_COLOURS = {"undetected": "#d7301f", "detected": "#fd8d3c", "intercepted": "#1a9850",
                   "aborted": "#969696"}
OUTCOME_LABELS = {"undetected": "got through, never seen (where it crossed)",
                  "detected": "seen, got through (where first seen)",
                  "intercepted": "intercepted (where caught)",
                  "aborted": "turned back (where first seen)"}

# Away from the outcomes' red, orange, green and grey.
JURISDICTION_COLOURS = ["#01665e", "#8c510a", "#4d4d4d", "#2166ac", "#6a3d9a", "#35978f"]

TOWER = "#252525"
COVERAGE = "#4292c6"
PATROL = "#006d2c"
DRONE = "#c51b8a"
QRF = "#cb181d"
GROUND_SENSOR = "#54278f"
RADAR = "#a6761d"
RIVER = "#2b8cbe"

DETECTION = "#3182bd"
INTERCEPTION = "#31a354"
