"""Reads one feed document from stdin, parses it with feedparser and prints a JSON summary.

Used by feedparser.ts so tests can ask a widely deployed, independent reader (Debian's
python3-feedparser, which uses the expat XML parser underneath) what it makes of a document the
service serves. The summary keeps the raw strings feedparser reports and adds the parsed dates
as ISO 8601 UTC strings, so tests can compare both what was written and what was understood.
"""

import io
import json
import sys
import time

import feedparser


def iso(parsed):
    # feedparser normalises every date it understands to a UTC struct_time.
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def links(obj):
    return [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")} for l in obj.get("links", [])]


def feed_summary(feed):
    return {
        "title": feed.get("title"),
        "id": feed.get("id"),
        "updated": feed.get("updated"),
        "updated_parsed": iso(feed.get("updated_parsed")),
        "language": feed.get("language"),
        "links": links(feed),
    }


def entry_summary(entry):
    return {
        "id": entry.get("id"),
        "title": entry.get("title"),
        "link": entry.get("link"),
        "links": links(entry),
        "published": entry.get("published"),
        "published_parsed": iso(entry.get("published_parsed")),
        "updated": entry.get("updated"),
        "updated_parsed": iso(entry.get("updated_parsed")),
        "summary": entry.get("summary"),
        "content_values": [c.get("value") for c in entry.get("content", [])],
        "author": entry.get("author"),
    }


def main():
    data = sys.stdin.buffer.read()
    # A file object, not the bytes themselves: given bytes, feedparser first tries to open them
    # as a file name.
    result = feedparser.parse(io.BytesIO(data))
    exception = result.get("bozo_exception")
    json.dump(
        {
            "bozo": bool(result.get("bozo")),
            "bozo_exception": None if exception is None else "%s: %s" % (type(exception).__name__, exception),
            "version": result.get("version", ""),
            "feed": feed_summary(result.get("feed", {})),
            "entries": [entry_summary(e) for e in result.get("entries", [])],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
