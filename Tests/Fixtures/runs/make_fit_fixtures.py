#!/usr/bin/env python3
"""Writes the FIT fixtures of the runs tests into this folder; run once, outputs committed.

    python3 -m pip install fit-tool    # scripts/deps installs it
    python3 Tests/Fixtures/runs/make_fit_fixtures.py

Most files are written with PyPI's fit-tool. Three are laid out by hand below (fit-tool writes
little-endian only, and neither developer fields nor compressed timestamps the way a watch does):
a big-endian run, a run with developer fields, and a run whose records use compressed timestamp
headers and which has no session message. The broken files are cut or patched from run.fit and
from the hand-written GPX and TCX files in xml/.

Every run starts 2026-03-09 (UTC) at the time named in its comment.
"""
import datetime
import gzip
import os
import struct

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.device_settings_message import DeviceSettingsMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.lap_message import LapMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport, SubSport

HERE = os.path.dirname(os.path.abspath(__file__))
FIT_EPOCH = 631065600  # 1989-12-31T00:00:00Z in Unix seconds


def unix(hour, minute, second=0):
    return int(datetime.datetime(2026, 3, 9, hour, minute, second, tzinfo=datetime.timezone.utc).timestamp())


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as file:
        file.write(data)


# --- fit-tool files ---------------------------------------------------------------------------

def file_id(file_type, created):
    message = FileIdMessage()
    message.type = file_type
    message.manufacturer = Manufacturer.DEVELOPMENT.value
    message.product = 1
    message.serial_number = 0x1234_5678
    message.time_created = created * 1000
    return message


def activity(legs, created):
    """An activity file: per leg (sport, sub_sport, start, seconds, metres) a lap and a session."""
    builder = FitFileBuilder(auto_define=True)
    builder.add(file_id(FileType.ACTIVITY, created))
    for sport, sub_sport, start, seconds, metres in legs:
        for step in range(0, seconds + 1, 60):
            record = RecordMessage()
            record.timestamp = (start + step) * 1000
            record.distance = metres * step / seconds
            builder.add(record)
        for message in (LapMessage(), SessionMessage()):
            message.timestamp = (start + seconds) * 1000
            message.start_time = start * 1000
            message.total_elapsed_time = seconds
            message.total_timer_time = seconds
            message.total_distance = metres
            message.sport = sport
            message.sub_sport = sub_sport
            builder.add(message)
    end = legs[-1][2] + legs[-1][3]
    summary = ActivityMessage()
    summary.timestamp = end * 1000
    summary.num_sessions = len(legs)
    summary.total_timer_time = sum(leg[3] for leg in legs)
    builder.add(summary)
    return builder.build().to_bytes()


def fit_tool_files():
    # 07:00, 47 minutes, 8.2 km
    write("run.fit", activity([(Sport.RUNNING, SubSport.GENERIC, unix(7, 0), 47 * 60, 8200.0)], unix(7, 47)))
    # 09:00, 1 h 25 min, 12.5 km on a trail
    write("trail.fit", activity([(Sport.RUNNING, SubSport.TRAIL, unix(9, 0), 85 * 60, 12500.0)], unix(10, 25)))
    # 12:00, 30 minutes, 6 km on a treadmill
    write("treadmill.fit", activity([(Sport.RUNNING, SubSport.TREADMILL, unix(12, 0), 30 * 60, 6000.0)], unix(12, 30)))
    # 14:00, a ride and 16:00, a walk: skipped
    write("ride.fit", activity([(Sport.CYCLING, SubSport.ROAD, unix(14, 0), 60 * 60, 30000.0)], unix(15, 0)))
    write("walk.fit", activity([(Sport.WALKING, SubSport.GENERIC, unix(16, 0), 40 * 60, 3500.0)], unix(16, 40)))
    # 06:00 a triathlon: swim, transition, ride, transition, and a 35-minute, 7 km running leg at 07:35
    write("multisport.fit", activity([
        (Sport.SWIMMING, SubSport.OPEN_WATER, unix(6, 0), 25 * 60, 1500.0),
        (Sport.TRANSITION, SubSport.GENERIC, unix(6, 25), 5 * 60, 0.0),
        (Sport.CYCLING, SubSport.ROAD, unix(6, 30), 60 * 60, 40000.0),
        (Sport.TRANSITION, SubSport.GENERIC, unix(7, 30), 5 * 60, 0.0),
        (Sport.RUNNING, SubSport.STREET, unix(7, 35), 35 * 60, 7000.0),
    ], unix(8, 10)))
    # A settings file: no activity in it
    builder = FitFileBuilder(auto_define=True)
    builder.add(file_id(FileType.SETTINGS, unix(5, 0)))
    settings = DeviceSettingsMessage()
    settings.utc_offset = 0
    builder.add(settings)
    write("settings.fit", builder.build().to_bytes())


# --- files laid out by hand -------------------------------------------------------------------

CRC_TABLE = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]


def crc16(data, crc=0):
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = CRC_TABLE[crc & 0xF]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ CRC_TABLE[nibble]
    return crc


def fit_file(records):
    """A 14-byte header with its CRC, the records, and the file CRC."""
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(records), b".FIT")
    header += struct.pack("<H", crc16(header))
    body = header + records
    return body + struct.pack("<H", crc16(body))


class Writer:
    """Definition and data messages in one architecture (0 little-, 1 big-endian)."""

    def __init__(self, architecture=0):
        self.architecture = architecture
        self.order = "<" if architecture == 0 else ">"
        self.layouts = {}
        self.out = bytearray()

    def define(self, local, global_number, fields, developer=()):
        """fields: (number, struct code, base type); developer: (number, size, developer index)."""
        flag = 0x20 if developer else 0
        self.out += struct.pack("B", 0x40 | flag | local)
        self.out += struct.pack(self.order + "BBHB", 0, self.architecture, global_number, len(fields))
        for number, code, base in fields:
            self.out += struct.pack("BBB", number, struct.calcsize(code), base)
        if developer:
            self.out += struct.pack("B", len(developer))
            for number, size, index in developer:
                self.out += struct.pack("BBB", number, size, index)
        self.layouts[local] = self.order + "".join(code for _, code, _ in fields)

    def data(self, local, *values, developer=b"", compressed_offset=None):
        if compressed_offset is None:
            self.out += struct.pack("B", local)
        else:
            self.out += struct.pack("B", 0x80 | (local << 5) | (compressed_offset & 0x1F))
        self.out += struct.pack(self.layouts[local], *values) + developer


UINT8, UINT16, UINT32, UINT32Z, ENUM, STRING = 0x02, 0x84, 0x86, 0x8C, 0x00, 0x07


def hand_run(writer, start, seconds, metres, developer=False):
    """file_id, records every minute, a lap, a session and an activity message."""
    def fit(t):
        return t - FIT_EPOCH
    writer.define(0, 0, [(0, "B", ENUM), (1, "H", UINT16), (3, "I", UINT32Z), (4, "I", UINT32)])
    writer.data(0, 4, 255, 0x0BAD_CAFE, fit(start + seconds))
    dev = ()
    if developer:
        # developer_data_id (207) and field_description (206) as a Connect IQ app writes them
        writer.define(1, 207, [(3, "B", UINT8)])
        writer.data(1, 0)
        writer.define(1, 206, [(0, "B", UINT8), (1, "B", UINT8), (2, "B", UINT8), (3, "8s", STRING)])
        writer.data(1, 0, 0, 0x84, b"power\0\0\0")
        writer.data(1, 0, 1, 0x07, b"note\0\0\0\0")
        dev = ((0, 2, 0), (1, 5, 0))
    writer.define(2, 20, [(253, "I", UINT32), (5, "I", UINT32)], developer=dev)
    for step in range(0, seconds + 1, 60):
        writer.data(2, fit(start + step), round(metres * step / seconds * 100),
                    developer=b"\x01\x02abcde" if developer else b"")
    for local, number in ((3, 19), (4, 18)):
        writer.define(local, number, [(253, "I", UINT32), (2, "I", UINT32), (7, "I", UINT32), (8, "I", UINT32),
                                      (9, "I", UINT32), (5 if number == 18 else 25, "B", ENUM),
                                      (6 if number == 18 else 39, "B", ENUM)], developer=dev)
        writer.data(local, fit(start + seconds), fit(start), seconds * 1000, seconds * 1000, round(metres * 100), 1, 0,
                    developer=b"\x03\x04fghij" if developer else b"")
    writer.define(5, 34, [(253, "I", UINT32), (1, "H", UINT16), (2, "B", ENUM)])
    writer.data(5, fit(start + seconds), 1, 0)
    return fit_file(bytes(writer.out))


def compressed_run(start, seconds):
    """No session: the run is its records, one every 7 s, after the first with compressed headers."""
    def fit(t):
        return t - FIT_EPOCH
    writer = Writer()
    writer.define(0, 0, [(0, "B", ENUM), (4, "I", UINT32)])
    writer.data(0, 4, fit(start))
    writer.define(1, 12, [(0, "B", ENUM), (1, "B", ENUM)])  # sport: running, generic
    writer.data(1, 1, 0)
    writer.define(2, 20, [(253, "I", UINT32), (5, "I", UINT32)])  # the first record carries the full time
    writer.data(2, fit(start), 0)
    writer.define(3, 20, [(5, "I", UINT32)])  # later records: distance only, time in the header
    for step in range(7, seconds + 1, 7):
        writer.data(3, round(step * 2.5 * 100), compressed_offset=fit(start + step) & 0x1F)
    return fit_file(bytes(writer.out))


def hand_files():
    # 18:00, 40 minutes, 8 km, big-endian throughout
    write("big_endian.fit", hand_run(Writer(architecture=1), unix(18, 0), 40 * 60, 8000.0))
    # 19:00, 20 minutes, 4 km, with developer fields in records, laps and the session
    write("developer_fields.fit", hand_run(Writer(), unix(19, 0), 20 * 60, 4000.0, developer=True))
    # 20:00:03, 700 s (20:11:43), 1750 m at the last record
    write("compressed_timestamps.fit", compressed_run(unix(20, 0, 3), 700))


# --- broken files, from run.fit ---------------------------------------------------------------

def broken_files():
    with open(os.path.join(HERE, "run.fit"), "rb") as file:
        run = file.read()
    os.makedirs(os.path.join(HERE, "broken"), exist_ok=True)

    def broken(name, data):
        write(os.path.join("broken", name), data)

    broken("truncated.fit", run[: len(run) // 2])
    broken("bad_crc.fit", run[:-2] + bytes([run[-2] ^ 0xFF, run[-1]]))
    # fit-tool writes 12-byte headers; the header CRC is in the 14-byte header of big_endian.fit
    with open(os.path.join(HERE, "big_endian.fit"), "rb") as file:
        hand = file.read()
    header_crc = bytearray(hand)
    header_crc[12] ^= 0x55
    broken("bad_header_crc.fit", bytes(header_crc))
    # The header claims more data than the file holds, and then about four gigabytes
    for name, size in (("wrong_size.fit", len(hand) - 16 + 100), ("huge_size.fit", 0xFFFF_FFF0)):
        header = bytearray(hand[:12])
        header[4:8] = struct.pack("<I", size)
        header += struct.pack("<H", crc16(bytes(header)))
        broken(name, bytes(header) + hand[14:])
    broken("header_size.fit", bytes([250]) + run[1:])
    broken("not_fit.fit", b"<html><body>this is a web page saved as .fit</body></html>\n")
    broken("empty.fit", b"")
    # A definition with 255 fields of 255 bytes each, then the file ends
    absurd = bytearray(b"\x40\x00\x00\x14\x00\xff")
    for number in range(255):
        absurd += bytes([number, 255, 0x0D])
    absurd += b"\x00" + b"\x00" * 100
    broken("absurd_fields.fit", fit_file(bytes(absurd)))
    # A data message whose local type was never defined
    broken("undefined_local.fit", fit_file(b"\x05\x01\x02\x03"))
    # GPX and TCX cut short, and a GPX that declares nested entities (a "billion laughs")
    for name in ("run_phone.gpx", "run.tcx"):
        with open(os.path.join(HERE, "xml", name), "rb") as file:
            text = file.read()
        broken("cut_" + name, text[: len(text) // 2])
    laughs = ['<!ENTITY lol0 "lol">'] + [
        '<!ENTITY lol%d "%s">' % (level, "&lol%d;" % (level - 1) * 10) for level in range(1, 10)]
    broken("entities.gpx", ('<?xml version="1.0"?>\n<!DOCTYPE gpx [\n' + "\n".join(laughs) + '\n]>\n'
                            '<gpx version="1.1"><trk><type>running</type><name>&lol9;</name></trk></gpx>\n').encode())
    broken("run_cut.fit.gz", gzip.compress(run, mtime=0)[:40])
    # About 200 MB of zeros: decompression must stop long before the end
    zeros = bytes(1 << 20)
    with gzip.GzipFile(os.path.join(HERE, "broken", "bomb.fit.gz"), "wb", mtime=0) as file:
        for _ in range(200):
            file.write(zeros)


def gzip_files():
    """The trail run again, gzipped as Strava's bulk export ships it (a folder of its own)."""
    os.makedirs(os.path.join(HERE, "gz"), exist_ok=True)
    with open(os.path.join(HERE, "trail.fit"), "rb") as file:
        write(os.path.join("gz", "trail.fit.gz"), gzip.compress(file.read(), mtime=0))


if __name__ == "__main__":
    fit_tool_files()
    hand_files()
    broken_files()
    gzip_files()
