#!/usr/bin/env python3
"""Reads an iCalendar file with the Python icalendar package and prints what a calendar app
would see, as JSON, for limber's tests: the events, their recurrences expanded with dateutil
for a span as RFC 5545 reads them (a recurrence at a local time that does not exist is dropped;
RDATEs add, EXDATEs take away), and the file's own VTIMEZONE compared with the system's zone
database.

usage: check-ics.py FILE ZONE FROM-ISO TO-ISO
"""
import json
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrulestr

path, zone_name, start_text, end_text = sys.argv[1:5]
raw = open(path, "rb").read()
report = {"crlf": raw.count(b"\n") == raw.count(b"\r\n"), "longest": max(len(l) for l in raw.split(b"\r\n"))}
calendar = icalendar.Calendar.from_ical(raw)
zone = ZoneInfo(zone_name)
start = datetime.fromisoformat(start_text).replace(tzinfo=zone)
end = datetime.fromisoformat(end_text).replace(tzinfo=zone)

own_zone = None
for component in calendar.walk("VTIMEZONE"):
    # lookup_tzid=False: build the zone from the file's own observances, not the name.
    own_zone = component.to_tz(lookup_tzid=False)
    mismatches = []
    moment = start - timedelta(days=30)
    while moment < end + timedelta(days=400):
        utc = moment.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
        ours = own_zone.fromutc(utc.replace(tzinfo=own_zone)).utcoffset()
        real = moment.utcoffset()
        if ours != real:
            mismatches.append(moment.isoformat())
        moment += timedelta(hours=6)
    report["zone_mismatches"] = mismatches[:5]

def own_local(value):
    """A local time of the file read with its own VTIMEZONE."""
    value = value.replace(tzinfo=None)
    return own_zone.localize(value) if hasattr(own_zone, "localize") else value.replace(tzinfo=own_zone)


def exists(moment):
    """Whether a local time happens at all (not one the clocks jump over)."""
    back = moment.astimezone(ZoneInfo("UTC")).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def values(event, name, tzid):
    """The date-times of every RDATE or EXDATE line of an event."""
    found = event.get(name)
    result = []
    for group in found if isinstance(found, list) else [found] if found else []:
        for item in group.dts:
            result.append(own_local(item.dt) if own_zone is not None and tzid else item.dt)
    return result


events = {}
for event in calendar.walk("VEVENT"):
    dtstart = event.decoded("DTSTART")
    tzid = event["DTSTART"].params.get("TZID")
    if own_zone is not None and tzid:
        # Read the local time with the file's own VTIMEZONE, not the system's.
        dtstart = own_local(dtstart)
    times = []
    if "RRULE" in event:
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dtstart)
        for occurrence in rule:
            if occurrence >= end:
                break
            # RFC 5545 3.3.10: a recurrence at a local time that does not exist is ignored.
            if tzid and not exists(occurrence):
                continue
            times.append(occurrence)
    else:
        times.append(dtstart)
    times += [value for value in values(event, "RDATE", tzid) if value < end]
    excluded = {value.astimezone(ZoneInfo("UTC")) for value in values(event, "EXDATE", tzid)}
    unique = {}
    for moment in times:
        instant = moment.astimezone(ZoneInfo("UTC"))
        if instant not in excluded:
            unique.setdefault(instant, moment)
    times = [unique[key] for key in sorted(unique)]
    events[str(event["UID"])] = {
        "summary": str(event["SUMMARY"]),
        "description": str(event.get("DESCRIPTION", "")),
        "routine": str(event.get("X-LIMBER-ROUTINE", "")),
        "rrule": event["RRULE"].to_ical().decode() if "RRULE" in event else None,
        "duration_minutes": int(event.decoded("DURATION").total_seconds() // 60),
        "utc": [t.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%MZ") for t in times],
        "local": [t.astimezone(zone).strftime("%Y-%m-%dT%H:%M") for t in times],
    }
report["events"] = events
print(json.dumps(report, indent=1, sort_keys=True))
