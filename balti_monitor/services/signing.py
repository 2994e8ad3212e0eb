"""A signed period stays as signed: its report's SHA-256, who signed and when, and the lock.

"Marchează ca semnat" stores the SHA-256 of the final exported report; from then on the lock triggers
(:mod:`balti_monitor.db.audit`) refuse every write to the period's data, whatever writes it (grid, paste,
forms import, JSON import, responsibilities, narrative, deleting the period). Unlocking needs a reason;
signing and unlocking are recorded in the change log. ``verify-report`` hashes a document and says whether
it is the signed report of a period (or one whose signature was withdrawn).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from balti_monitor.db.models import ChangeLog, Period, PeriodSignature, Plan
from balti_monitor.i18n import _
from balti_monitor.services.audit import CellKey, current_user, record, recording
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.document_schema import InterchangeError
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plan_signatures import remember_signed_plan
from balti_monitor.services.values import text_problem


def _code(period: Period) -> str:
    if period.span_end:
        return f"{period.year}-{period.span_end}"
    return f"{period.year}-S{period.semester}" if period.semester else f"{period.year}-A"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, in hex (a clear Romanian refusal when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with Path(path).open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError as exc:
        raise ServiceError(_("Fișierul „{path}” nu există.").format(path=path)) from exc
    except OSError as exc:
        raise ServiceError(
            _("Fișierul „{path}” nu poate fi citit: {value}.").format(path=path, value=exc.strerror or exc)
        ) from exc
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class SignatureInfo:
    """A period's signature, as the views show it."""

    period_id: int
    period_code: str
    sha256: str
    signed_by: str
    signed_at: str
    file_name: str

    @property
    def summary(self) -> str:
        """ "semnat de Ion Popescu la 2026-12-07 10:15"."""
        who = self.signed_by or _("un utilizator necunoscut")
        return _("semnat de {who} la {value}").format(who=who, value=self.signed_at.replace("T", " "))

    @property
    def period_summary(self) -> str:
        """ "semnată de Ion Popescu la 2026-12-07 10:15", agreeing with "perioada" ("Perioada 2023-S1 este
        semnată de …"; :attr:`summary` agrees with "raportul")."""
        who = self.signed_by or _("un utilizator necunoscut")
        return _("semnată de {who} la {value}").format(who=who, value=self.signed_at.replace("T", " "))


def _info(sig: PeriodSignature, period: Period) -> SignatureInfo:
    return SignatureInfo(period.id, _code(period), sig.sha256, sig.signed_by, sig.signed_at, sig.file_name)


def signature(period_id: int) -> SignatureInfo | None:
    """The period's signature, or None when it is not signed."""
    sig = PeriodSignature.get_or_none(PeriodSignature.period == period_id)
    return None if sig is None else _info(sig, Period.get_by_id(period_id))


def is_signed(period_id: int) -> bool:
    """Whether the period is signed (locked)."""
    return PeriodSignature.select().where(PeriodSignature.period == period_id).exists()


def sign_period(period_id: int, report: Path) -> SignatureInfo:
    """Mark the period as signed with the report ``report`` (its SHA-256 is stored) and lock it."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    existing = signature(period_id)
    if existing is not None:
        raise ServiceError(
            _("Perioada {period_code} este deja {summary}.").format(
                period_code=existing.period_code, summary=existing.period_summary
            )
        )
    report = Path(report)
    if report.suffix.lower() != ".docx":
        raise ServiceError(_("„{name}” nu este un raport Word (.docx).").format(name=report.name))
    sha = file_sha256(report)
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    plan = Plan.get_by_id(period.plan_id)
    with recording("sign"):
        PeriodSignature.create(
            period=period, sha256=sha, signed_by=current_user(), signed_at=now, file_name=report.name
        )
        record("sign", "sign", plan=plan.id, period=_code(period), new=sha, note=report.name)
        remember_signed_plan(period_id)  # the plan it printed: the export says when it changed since
    info = signature(period_id)
    assert info is not None
    return info


def unsign_period(period_id: int, reason: str) -> ChangeSet:
    """Withdraw the signature (the reason is required and recorded); the period can be changed again."""
    reason = " ".join(reason.split())
    if not reason:
        raise ServiceError(_("Scrieți motivul pentru care se retrage semnătura."))
    problem = text_problem(reason)
    if problem:
        raise ServiceError(problem)
    sig = PeriodSignature.get_or_none(PeriodSignature.period == period_id)
    if sig is None:
        raise ServiceError(_("Perioada nu este semnată."))
    period = Period.get_by_id(period_id)
    plan = Plan.get_by_id(period.plan_id)
    with recording("unsign"):
        record("unsign", "unsign", plan=plan.id, period=_code(period), old=sig.sha256, note=reason)
        sig.delete_instance()
    return ChangeSet(periods=True)


@dataclass(frozen=True, slots=True)
class ReportVersion:
    """Which version of a period's report the next export is: 1 until a signature is withdrawn, then one more
    for each withdrawal (``unsign``), so the document signed again is told apart from the one signed before.

    ``unsigned_at`` is the time of the last withdrawal (local time, from the change log, never the clock):
    an export after it is dated no earlier, and two exports of the same version stay byte-identical."""

    number: int
    unsigned_at: dt.datetime | None = None

    @property
    def line(self) -> str:
        """The line printed under the report's title from version 2 on ("" for the first version)."""
        if self.number <= 1 or self.unsigned_at is None:
            return ""
        return _(
            "Versiunea {number}, care înlocuiește versiunea {value} (semnătură retrasă la {value2})"
        ).format(number=self.number, value=self.number - 1, value2=self.unsigned_at.strftime("%d.%m.%Y"))


def report_version(period_id: int) -> ReportVersion:
    """The version of the period's next report: 1 + the signatures withdrawn from it (see the log)."""
    period = Period.get_by_id(period_id)
    query = ChangeLog.select(ChangeLog.at).where(
        (ChangeLog.kind == "unsign")
        & (ChangeLog.plan_id == period.plan_id)
        & (ChangeLog.period == _code(period))
    )
    stamps = [row.at for row in query]
    if not stamps:
        return ReportVersion(1)
    return ReportVersion(1 + len(stamps), dt.datetime.fromtimestamp(max(stamps)))


@dataclass(frozen=True, slots=True)
class Verification:
    """What ``verify-report`` found: ``signed`` True when the document is a period's signed report."""

    signed: bool
    sha256: str
    message: str


def verify_report(path: Path) -> Verification:
    """Whether the document at ``path`` is, byte for byte, the signed report of a period of the open file."""
    sha = file_sha256(Path(path))
    for sig in (
        PeriodSignature.select(PeriodSignature, Period).join(Period).where(PeriodSignature.sha256 == sha)
    ):
        info = _info(sig, sig.period)
        return Verification(
            True,
            sha,
            _("Documentul este raportul semnat al perioadei {period_code} ({summary}).").format(
                period_code=info.period_code, summary=info.summary
            ),
        )
    withdrawn = (
        ChangeLog.select()
        .where((ChangeLog.kind == "unsign") & (ChangeLog.old_text == sha))
        .order_by(ChangeLog.id.desc())
        .first()
    )
    if withdrawn is not None:
        when = dt.datetime.fromtimestamp(withdrawn.at).strftime("%Y-%m-%d %H:%M")
        return Verification(
            False,
            sha,
            _(
                "Documentul a fost raportul semnat al perioadei {period}, dar semnătura a fost retrasă la {when} de {value} (motiv: {note})."
            ).format(
                period=withdrawn.period,
                when=when,
                value=withdrawn.who or _("un utilizator necunoscut"),
                note=withdrawn.note,
            ),
        )
    return Verification(
        False,
        sha,
        _("Documentul nu este raportul semnat al niciunei perioade din acest fișier (SHA-256 diferit)."),
    )


# --- keeping signatures through a whole-file JSON import -------------------------------------------------


def signature_of(period_id: int) -> dict[str, Any] | None:
    """The signature of a period as the JSON document holds it (None: not signed)."""
    sig = PeriodSignature.get_or_none(PeriodSignature.period == period_id)
    if sig is None:
        return None
    return {
        "sha256": sig.sha256,
        "signed_by": sig.signed_by,
        "signed_at": sig.signed_at,
        "file_name": sig.file_name,
    }


SignedPeriods = dict[tuple[str, str], dict[str, Any]]


def signed_periods() -> SignedPeriods:
    """(plan code, period code) -> signature, of every signed period."""
    query = PeriodSignature.select(PeriodSignature, Period, Plan).join(Period).join(Plan)
    return {(sig.period.plan.code, _code(sig.period)): signature_of(sig.period.id) or {} for sig in query}


def keep_signed(signed: SignedPeriods, before: dict[CellKey, str], after: dict[CellKey, str]) -> None:
    """After a whole-file import: refuse when a period signed before it has other data now (the caller's
    transaction then rolls back); otherwise keep its signature. Call inside the import's transaction."""
    for (plan_code, period_code), data in signed.items():
        old = {k: v for k, v in before.items() if k[1] == plan_code and k[2] == period_code}
        new = {k: v for k, v in after.items() if k[1] == plan_code and k[2] == period_code}
        period = next(
            (p for p in Period.select().join(Plan).where(Plan.code == plan_code) if _code(p) == period_code),
            None,
        )
        if old != new or period is None:
            who = data.get("signed_by") or _("un utilizator necunoscut")
            raise InterchangeError(
                _(
                    "Perioada {period_code} este semnată de {who} ({value}); documentul importat i-ar modifica datele. Importul nu s-a făcut; pentru o corectare retrageți întâi semnătura (cu motivul)."
                ).format(
                    period_code=period_code, who=who, value=str(data.get("signed_at", "")).replace("T", " ")
                )
            )
        if not PeriodSignature.select().where(PeriodSignature.period == period).exists():
            PeriodSignature.create(period=period, **data)


def signed_period_ids() -> set[int]:
    """Ids of the signed periods (for marks in the views)."""
    return {sig.period_id for sig in PeriodSignature.select(PeriodSignature.period)}
