#!/usr/bin/env python3
"""The reference reading of GPX and TCX files for limber's XML reader (XMLReferenceTests).

Reads the paths given one per line on stdin with Python's expat, through defusedxml (no DTD, no
entities, nothing fetched), and prints one JSON object per file: whether it is well-formed and
its track points in document order: [lat, lon, time] for each GPX trkpt, [null, null, Time] for
each TCX Trackpoint, where time is the whole text of the point's first time child (or null).
"""
import json
import sys

from defusedxml.ElementTree import fromstring


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else None


def first_text(element, name):
    for child in element:
        if local(child.tag) == name:
            return "".join(child.itertext())
    return None


def read(path):
    with open(path, "rb") as file:
        data = file.read()
    try:
        root = fromstring(data, forbid_dtd=True)
    except Exception as error:  # every refusal counts the same: not well-formed, or refused
        return {"file": path, "ok": False, "error": f"{type(error).__name__}: {error}"}
    points = []
    for element in root.iter():
        name = local(element.tag)
        if name == "trkpt":
            points.append([element.get("lat"), element.get("lon"), first_text(element, "time")])
        elif name == "Trackpoint":
            points.append([None, None, first_text(element, "Time")])
    return {"file": path, "ok": True, "points": points}


for line in sys.stdin:
    if line.strip():
        print(json.dumps(read(line.rstrip("\n"))))
