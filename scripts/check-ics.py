#!/usr/bin/env python3
"""Reads an iCalendar file with the Python icalendar package and prints what a calendar app
would see, as JSON, for limber's tests: the events, their recurrences expanded with dateutil
for a span, and the file's own VTIMEZONE compared with the system's zone database.

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

events = {}
for event in calendar.walk("VEVENT"):
    dtstart = event.decoded("DTSTART")
    tzid = event["DTSTART"].params.get("TZID")
    if own_zone is not None and tzid:
        # Read the local time with the file's own VTIMEZONE, not the system's.
        dtstart = dtstart.replace(tzinfo=None)
        dtstart = own_zone.localize(dtstart) if hasattr(own_zone, "localize") else dtstart.replace(tzinfo=own_zone)
    times = []
    if "RRULE" in event:
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dtstart)
        for occurrence in rule:
            if occurrence >= end:
                break
            times.append(occurrence)
    else:
        times.append(dtstart)
        rdates = event.get("RDATE")
        for group in (rdates if isinstance(rdates, list) else [rdates] if rdates else []):
            for item in group.dts:
                value = item.dt
                if own_zone is not None and tzid:
                    value = value.replace(tzinfo=None)
                    value = own_zone.localize(value) if hasattr(own_zone, "localize") else value.replace(tzinfo=own_zone)
                times.append(value)
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
