"""The one palette and sizing rule shared by the HTML view and the Gephi export.

>>> TYPE_COLORS["Country"], RELATION_COLORS["strikes"]
('#66c2a5', '#d62728')
>>> node_size(0), node_size(4)
(8.0, 20.0)
>>> hex_to_rgb("#d62728")
(214, 39, 40)
"""
from __future__ import annotations

import math

__all__ = [
    "OTHER_COLOR",
    "RELATION_COLORS",
    "TYPE_COLORS",
    "UNKNOWN_TYPE",
    "edge_width",
    "hex_to_rgb",
    "node_size",
    "relation_color",
    "type_color",
]

UNKNOWN_TYPE = "Unknown"  # an edge end the graph gives no type
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


def node_size(mentions: int) -> float:
    """Node radius from the number of documents that mention the entity."""
    return round(8.0 + 6.0 * math.sqrt(max(mentions, 0)), 1)


def edge_width(weight: int) -> float:
    """Edge width from the number of statements behind it.

    >>> edge_width(1), edge_width(8)
    (1.0, 5.5)
    """
    return round(1.0 + 1.5 * math.log2(max(weight, 1)), 1)


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
