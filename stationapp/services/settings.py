"""Station-wide settings shared by every desk: name, phone, visit intervals, idle lock,
retention, and who signs the papers (负责人, 审核人, 制表人/填报人, 报表联系电话).

The contact phone of the papers (``contact_phone``) is optional: papers print
:attr:`StationSettings.sign_off_phone`, which is ``contact_phone`` or else the station's
own ``phone``. A sign-off name left empty is printed as a blank line to sign on.

Once the ledger has accounts, only a role allowed :attr:`Permission.SETTINGS` (the
administrator) may store them: the account is the session's actor (``Database.session``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain import text_rules
from stationapp.domain.accounts import Account, Permission, Role, check_allowed
from stationapp.domain.audit import ACTOR_KEY
from stationapp.domain.care_vocab import DEFAULT_REQUEST_LIMIT_DAYS
from stationapp.domain.errors import PermissionDeniedError, ValidationError
from stationapp.domain.models import StationSetting
from stationapp.domain.people import check_phone
from stationapp.domain.text_rules import PERSON_NAME, STATION_PHONE, TextRule
from stationapp.domain.vocab import DEFAULT_VISIT_INTERVAL_DAYS, CareTier
from stationapp.domain.vocab_words import label_message
from stationapp.messages import msg

DEFAULT_STATION_NAME = "党员服务社"

DEFAULT_IDLE_LOCK_MINUTES = 10
"""Minutes without keyboard or mouse after which a signed-in desk locks."""
IDLE_LOCK_RANGE = (1, 240)
"""Smallest and largest idle time, in minutes, the station may set."""

DEFAULT_RETENTION_YEARS = 3
"""Years after moving away or closing before a household is due for de-identification."""
RETENTION_YEARS_RANGE = (1, 30)
"""Shortest and longest retention, in years, the station may set."""

_DEMO_KEY = "demo_ledger"

SIGN_OFF_NAME = PERSON_NAME + 12
"""Most characters of a sign-off name (a name, perhaps with a title: "张晓东（书记）")."""
SIGN_OFF_FIELDS: tuple[str, ...] = ("responsible_person", "reviewer", "preparer")
"""The sign-off names: field of :class:`StationSettings` = key of its stored row."""
SIGN_OFF_RULES: dict[str, TextRule] = {
    field: TextRule(msg(f"station.field_{field}"), SIGN_OFF_NAME,
                    column="station_setting.value")
    for field in SIGN_OFF_FIELDS
}
"""The text rule of each sign-off name (label for the clerk, length limit)."""
CONTACT_PHONE_RULE = TextRule(msg("station.field_contact_phone"), STATION_PHONE.limit,
                              column="station_setting.value")
"""The text rule of the papers' contact phone."""


@dataclass(frozen=True)
class StationSettings:
    """The station's own facts and rules, as every desk sees them."""

    name: str = DEFAULT_STATION_NAME
    phone: str = ""
    visit_interval_days: tuple[tuple[CareTier, int], ...] = tuple(
        DEFAULT_VISIT_INTERVAL_DAYS.items()
    )
    request_limit_days: int = DEFAULT_REQUEST_LIMIT_DAYS
    """Days an open request may stay open before it stands out as overdue."""
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    """Minutes without input after which a signed-in desk locks and asks for the password."""
    retention_years: int = DEFAULT_RETENTION_YEARS
    """Years after which a household that left is listed for de-identification."""
    responsible_person: str = ""
    """负责人: signs the event report and the certificate ("" → a blank line)."""
    reviewer: str = ""
    """审核人: checks the ledger and the monthly report ("" → a blank line)."""
    preparer: str = ""
    """制表人 / 填报人 / 经办人 / 记录人 by default ("" → a blank line)."""
    contact_phone: str = ""
    """联系电话 of the papers as stored ("" → the station's phone: :attr:`sign_off_phone`)."""

    @property
    def sign_off_phone(self) -> str:
        """The 联系电话 a paper prints: ``contact_phone``, else the station's phone."""
        return self.contact_phone or self.phone

    def interval(self, tier: CareTier) -> int:
        """Days between visits for a care tier."""
        return dict(self.visit_interval_days)[tier]


def _interval_key(tier: CareTier) -> str:
    return f"visit_interval_{tier.value}"


def get_station_settings(session: Session) -> StationSettings:
    """Read the station settings, with defaults for anything never set."""
    query = select(StationSetting.key, StationSetting.value)
    values = {key: value for key, value in session.execute(query).all()}
    intervals = []
    for tier, default in DEFAULT_VISIT_INTERVAL_DAYS.items():
        raw = values.get(_interval_key(tier), "")
        intervals.append((tier, _positive(raw, default)))
    return StationSettings(
        name=values.get("station_name") or DEFAULT_STATION_NAME,
        phone=values.get("station_phone", ""),
        visit_interval_days=tuple(intervals),
        request_limit_days=_positive(values.get("request_limit_days", ""),
                                     DEFAULT_REQUEST_LIMIT_DAYS),
        idle_lock_minutes=_positive(values.get("idle_lock_minutes", ""),
                                    DEFAULT_IDLE_LOCK_MINUTES),
        retention_years=_positive(values.get("retention_years", ""), DEFAULT_RETENTION_YEARS),
        responsible_person=values.get("responsible_person", ""),
        reviewer=values.get("reviewer", ""),
        preparer=values.get("preparer", ""),
        contact_phone=values.get("contact_phone", ""),
    )


def _positive(raw: str, default: int) -> int:
    return int(raw) if raw.isdigit() and int(raw) > 0 else default


def store_station_settings(session: Session, settings: StationSettings) -> bool:
    """Validate and store the station settings; True when a visit interval changed.

    Moving every household's next due date with a changed interval is
    :func:`stationapp.workflows.station_settings.save_station_settings`.
    """
    name = text_rules.STATION_NAME.check(settings.name, "name")
    if not name:
        raise ValidationError("name", msg("station.name_missing"))
    phone = check_phone(settings.phone, "phone")
    signers = {field: SIGN_OFF_RULES[field].check(getattr(settings, field), field)
               for field in SIGN_OFF_FIELDS}
    contact = check_phone(CONTACT_PHONE_RULE.check(settings.contact_phone, "contact_phone"),
                          "contact_phone")
    for tier, days in settings.visit_interval_days:
        if not 1 <= days <= 366:
            raise ValidationError(_interval_key(tier),
                                  msg("station.interval_range", tier=label_message(tier)))
    if not 1 <= settings.request_limit_days <= 365:
        raise ValidationError("request_limit_days", msg("station.request_limit_range"))
    low, high = IDLE_LOCK_RANGE
    if not low <= settings.idle_lock_minutes <= high:
        raise ValidationError("idle_lock_minutes",
                              msg("station.idle_lock_range", low=low, high=high))
    low, high = RETENTION_YEARS_RANGE
    if not low <= settings.retention_years <= high:
        raise ValidationError("retention_years",
                              msg("household.retention_years_range", low=low, high=high))
    check_may_change_settings(session)
    rows = {"station_name": name, "station_phone": phone,
            "request_limit_days": str(settings.request_limit_days),
            "idle_lock_minutes": str(settings.idle_lock_minutes),
            "retention_years": str(settings.retention_years),
            "contact_phone": contact, **signers}
    rows.update({_interval_key(t): str(d) for t, d in settings.visit_interval_days})
    before = dict(get_station_settings(session).visit_interval_days)
    for key, value in rows.items():
        session.merge(StationSetting(key=key, value=value))
    session.flush()
    return dict(settings.visit_interval_days) != before


def check_may_change_settings(session: Session) -> None:
    """PermissionDeniedError unless the session's actor may change the station settings.

    A ledger without accounts works as before accounts existed (anyone may); once it has
    one, the actor must be an active account whose role allows :attr:`Permission.SETTINGS`.
    """
    if session.scalar(select(Account.id).limit(1)) is None:
        return
    actor = str(session.info.get(ACTOR_KEY) or "")
    account = session.scalar(select(Account).where(Account.name == actor))
    if account is None or not account.active:
        raise PermissionDeniedError(msg("station.settings_not_signed_in"))
    check_allowed(account.name, Role(account.role), Permission.SETTINGS)


def mark_demo_ledger(session: Session) -> None:
    """Remember that the clerk filled this ledger with the demo station: the GUI then does
    not ask for an administrator at start-up."""
    session.merge(StationSetting(key=_DEMO_KEY, value="1"))
    session.flush()


def is_demo_ledger(session: Session) -> bool:
    """True when the ledger was filled with the demo station by the first start."""
    value = session.scalar(select(StationSetting.value).where(StationSetting.key == _DEMO_KEY))
    return value == "1"
