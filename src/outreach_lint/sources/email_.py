"""RFC 5322 messages (.eml) and mailboxes (.mbox), read with the standard library.

Transfer encodings are decoded with positions kept, so a finding in a quoted-printable or base64 body
still points at the encoded characters it came from.
"""

from __future__ import annotations

import binascii
import codecs
import email
import email.policy
from email.message import EmailMessage

from .. import linear_regex
from ..mapped import MappedText, TextBuilder
from .base import Directive, Message, SourceError, SourceNote
from .html import html_to_text

_HEADER_LINE = linear_regex.compile(r"[!-9;-~]+:")
_MBOX_FROM = linear_regex.compile(r"^From [^\n]*\n", linear_regex.M)
DIRECTIVE_HEADER = "x-outreach-lint"
_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_B64_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


def mbox_messages(root: MappedText) -> list[MappedText]:
    """The messages of a mailbox, each without its ``From `` separator line."""
    text = root.text
    starts = [m.start() for m in _MBOX_FROM.finditer(text) if m.start() == 0 or text[m.start() - 1] == "\n"]
    if not starts or text[: starts[0]].strip():
        raise SourceError("E005", "malformed mbox: it must start with a 'From ' separator line")
    chunks: list[MappedText] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        header_start = text.index("\n", start) + 1
        chunks.append(root.slice(header_start, end))
    return chunks


def parse_eml(view: MappedText, path: str, *, source: str, fmt: str = "eml", index: int | None = None) -> Message:
    if fmt == "eml" and view.text.startswith("From "):
        # A message saved from a mailbox keeps its "From " separator line (mutt, Thunderbird, mbox
        # tools). It is the mbox envelope, not a header: the message starts on the next line.
        line_end = view.text.find("\n")
        view = view.slice(line_end + 1 if line_end >= 0 else len(view.text), len(view.text))
    text = view.text
    first = text.lstrip("\n").split("\n", 1)[0]
    if not _HEADER_LINE.match(first):
        raise SourceError(
            "E005",
            "malformed email: no RFC 5322 header fields at the top; rename it to .txt to lint it as plain text",
        )
    split = text.find("\n\n")
    header_end = split + 2 if split >= 0 else len(text)
    msg = email.message_from_string(text, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    notes: list[SourceNote] = []
    subject = _subject(view, header_end, msg, notes)
    directives = tuple(_directives(view, header_end))
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise SourceError("E005", "malformed email: no text/plain or text/html body to lint")
    body = _decode_part(view, part, header_end, notes)
    excluded: tuple = ()
    if part.get_content_subtype() == "html":
        body, html_directives, excluded, html_notes = html_to_text(body)
        directives += html_directives
        notes.extend(html_notes)
    defects = [type(d).__name__ for d in msg.defects] + [type(d).__name__ for d in part.defects]
    if defects:
        notes.append(SourceNote("E005", f"malformed email ({', '.join(sorted(set(defects)))}); linted what could be read"))
    # The identifier is shown as written: parsing it as an address list can only fail ("<:a@x>").
    message_id = _raw_header(msg, "message-id") or (f"#{index}" if index is not None else None)
    return Message(
        path=path,
        source=source,
        body=body,
        subject=subject,
        format=fmt,
        kind="email",
        message_id=message_id,
        directives=directives,
        excluded=excluded,
        notes=tuple(notes),
        meta={"headers": _meta_headers(msg)},
    )


def _raw_header(msg: EmailMessage, name: str) -> str:
    """A header's value as written, unfolded, without the parsing the default policy applies."""
    for key, value in msg.raw_items():
        if key.lower() == name:
            return " ".join(str(value).split())
    return ""


def _meta_headers(msg: EmailMessage) -> dict[str, str]:
    """From, To and Date for reports. Only these are parsed (a broken Cc cannot matter), and one the
    standard library cannot parse ("a@[") is kept as written: it is metadata, the body still lints."""
    out: dict[str, str] = {}
    for key, _ in msg.raw_items():
        name = key.lower()
        if name in ("from", "to", "date") and name not in out:
            try:
                out[name] = str(msg[key])
            except Exception:
                out[name] = _raw_header(msg, name)
    return out


def _subject(view: MappedText, header_end: int, msg: EmailMessage, notes: list[SourceNote]) -> MappedText | None:
    try:
        value = msg.get("Subject")
    except Exception:  # a broken encoded-word: keep going without a subject
        notes.append(SourceNote("E005", "malformed Subject header; linted the body only"))
        return None
    if value is None:
        return None
    value = str(value)
    m = linear_regex.compile(r"^subject:[ \t]*(?P<v>[^\n]*(?:\n[ \t][^\n]*)*)", linear_regex.I | linear_regex.M).search(view.text, 0, header_end)
    if not m:
        return None
    start, end = m.span("v")
    if view.text[start:end] == value:
        return view.slice(start, end)
    b = TextBuilder()
    b.insert(value, view, start, end)
    return b.build()


def _directives(view: MappedText, header_end: int) -> list[Directive]:
    out = []
    rx = linear_regex.compile(r"^x-outreach-lint:[ \t]*(?P<v>[^\n]*)", linear_regex.I | linear_regex.M)
    for m in rx.finditer(view.text, 0, header_end):
        s, e = view.to_source(m.start(), m.end())
        out.append(Directive(f"outreach-lint: {m.group('v').strip()}", s, e, "header"))
    return out


def _decode_part(view: MappedText, part: EmailMessage, header_end: int, notes: list[SourceNote]) -> MappedText:
    raw = part.get_payload(decode=False)
    raw = raw if isinstance(raw, str) else ""
    at = view.text.find(raw, header_end) if raw else -1
    cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    charset = part.get_content_charset() or "utf-8"
    try:
        b"\0\0".decode(charset, "replace")  # a text encoding: codecs.lookup also finds hex and base64
    except LookupError:
        notes.append(SourceNote("E005", f"unknown charset {charset!r}; decoded as UTF-8"))
        charset = "utf-8"
    if at < 0:
        # The payload could not be located verbatim (unusual folding); map the decoded body to the
        # whole body span so diagnostics still land inside the message.
        b = TextBuilder()
        b.insert(_content(part, notes), view, header_end, len(view.text))
        return b.build()
    raw_view = view.slice(at, at + len(raw))
    if cte == "quoted-printable":
        return _decode_bytes(raw_view, *_qp_bytes(raw_view.text), charset)
    if cte == "base64":
        return _decode_bytes(raw_view, *_b64_bytes(raw_view.text, notes), charset)
    return raw_view


def _content(part: EmailMessage, notes: list[SourceNote]) -> str:
    try:
        content = part.get_content()
    except Exception as exc:
        notes.append(SourceNote("E005", f"malformed body ({type(exc).__name__}); decoded with replacement"))
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else str(payload)
    return content if isinstance(content, str) else ""


def _qp_bytes(raw: str) -> tuple[bytes, list[tuple[int, int]]]:
    """Quoted-printable to bytes, each byte with the span of ``raw`` it came from."""
    out = bytearray()
    spans: list[tuple[int, int]] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "=":
            if raw.startswith("\n", i + 1):
                i += 2  # soft line break
                continue
            pair = raw[i + 1 : i + 3]
            if len(pair) == 2 and all(c in "0123456789abcdefABCDEF" for c in pair):
                out.append(int(pair, 16))
                spans.append((i, i + 3))
                i += 3
                continue
        encoded = ch.encode("utf-8", errors="replace")
        out.extend(encoded)
        spans.extend([(i, i + 1)] * len(encoded))
        i += 1
    return bytes(out), spans


def _b64_bytes(raw: str, notes: list[SourceNote]) -> tuple[bytes, list[tuple[int, int]]]:
    positions = [i for i, c in enumerate(raw) if c in _B64_ALPHABET]
    stray = sum(1 for c in raw if not c.isspace() and c not in _B64_ALPHABET)
    if stray:
        # Decoders skip characters outside the alphabet (RFC 2045); say so, since text may be missing.
        notes.append(SourceNote("E005", f"malformed base64 body: {stray} character(s) outside the base64 alphabet were skipped"))
    compact = "".join(raw[i] for i in positions)
    usable = len(compact) - len(compact) % 4
    try:
        data = binascii.a2b_base64(compact[:usable])
    except binascii.Error:
        notes.append(SourceNote("E005", "malformed base64 body; it could not be decoded"))
        return b"", []
    spans = []
    for k in range(len(data)):
        group = (k // 3) * 4
        spans.append((positions[group], positions[min(group + 3, len(positions) - 1)] + 1))
    return data, spans


def _decode_bytes(view: MappedText, data: bytes, spans: list[tuple[int, int]], charset: str) -> MappedText:
    """Decode ``data`` in ``charset``, each character mapped to the bytes it came from."""
    name = codecs.lookup(charset).name
    if name in ("utf-16", "utf-32") and not data.startswith(_BOMS):
        charset = f"{name}-be"  # RFC 2781: without a byte-order mark, UTF-16 is big-endian
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    b = TextBuilder()
    pending_start: int | None = None
    for k in range(len(data)):
        if pending_start is None:
            pending_start = spans[k][0]
        out = decoder.decode(data[k : k + 1])
        if out:
            # Line ends were normalised to LF in the file view; CRs decoded from =0D or base64 go.
            out = out.replace("\r", "")
            b.insert(out, view, pending_start, spans[k][1])
            pending_start = None
    tail = decoder.decode(b"", final=True)
    if tail and spans:
        b.insert(tail, view, spans[-1][0], spans[-1][1])
    return b.build(anchor=view.anchor)
