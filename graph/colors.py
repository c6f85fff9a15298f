"""The one palette and sizing rule shared by the HTML view and the Gephi export: sizes are
scaled within what is shown, so that no disk outgrows ``MAX_RADIUS`` however big the archive.

>>> TYPE_COLORS["Country"], RELATION_COLORS["strikes"]
('#66c2a5', '#d62728')
>>> node_radius(0, 100), node_radius(25, 100), node_radius(400, 100)
(6.0, 23.0, 40.0)
>>> hex_to_rgb("#d62728")
(214, 39, 40)
"""
from __future__ import annotations

import math

__all__ = [
    "MAX_RADIUS",
    "MAX_WIDTH",
    "MIN_RADIUS",
    "OTHER_COLOR",
    "RELATION_COLORS",
    "TYPE_COLORS",
    "UNKNOWN_TYPE",
    "edge_width",
    "hex_to_rgb",
    "node_radius",
    "relation_color",
    "type_color",
]

UNKNOWN_TYPE = "Unknown"  # an edge end the graph gives no type
MIN_RADIUS, MAX_RADIUS = 6.0, 40.0  # px: node disks, whatever the size of the graph
MAX_WIDTH = 8.0  # px: the widest edge; the narrowest is 1
OTHER_COLOR = "#999999"

# Entity types (ingest.model.ENTITY_TYPES): soft colours, so that edges stand out over nodes.
TYPE_COLORS = {
    "Person": "#8da0cb",
    "Organization": "#fc8d62",
    "Country": "#66c2a5",
    "Place": "#e5c494",
    "GenericActor": "#e78ac3",  # an actor named by its kind (مسلحون مجهولون), one per article
    UNKNOWN_TYPE: "#b3b3b3",
}

# Relations (ingest.model.RELATIONS): strong colours, red for violence, green for support.
RELATION_COLORS = {
    "accuses": "#ff7f0e",
    "supports": "#2ca02c",
    "strikes": "#d62728",
    "meets": "#1f77b4",
    "threatens": "#8c564b",
    "cooperatesWith": "#17becf",
    "callsOn": "#9467bd",
}


def type_color(entity_type: str) -> str:
    return TYPE_COLORS.get(entity_type, OTHER_COLOR)


def relation_color(relation: str) -> str:
    return RELATION_COLORS.get(relation, OTHER_COLOR)


def node_radius(strength: float, largest: float) -> float:
    """A disk's radius, √-scaled from ``MIN_RADIUS`` to ``MAX_RADIUS`` at ``largest``: the
    number of statements of the most connected node shown (a node past it is drawn as it)."""
    if largest <= 0:
        return MIN_RADIUS
    share = math.sqrt(min(max(strength, 0), largest) / largest)
    return round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share, 1)


def edge_width(weight: int, largest: int) -> float:
    """An edge's width from its statements, √-scaled from 1 to ``MAX_WIDTH`` at ``largest``.

    >>> edge_width(1, 50), edge_width(50, 50), edge_width(3, 1)
    (1.0, 8.0, 8.0)
    """
    if largest <= 1:
        return 1.0 if weight <= 1 else MAX_WIDTH
    share = math.sqrt((min(max(weight, 1), largest) - 1) / (largest - 1))
    return round(1.0 + (MAX_WIDTH - 1.0) * share, 1)


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
