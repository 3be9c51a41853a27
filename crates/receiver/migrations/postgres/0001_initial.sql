-- The receiver's tables on PostgreSQL: what the SQLite ones keep, with the uniqueness that
-- several instances rely on declared as constraints.

-- Submission numbers, for references (OW-20261204-000042): a sequence, so two instances never
-- hand out the same one. A number taken by a request that then lost a race is skipped.
CREATE SEQUENCE submission_numbers;

CREATE TABLE submissions (
    number BIGINT PRIMARY KEY,
    -- Lower case: a key sent again in other case is the same key.
    idempotency_key TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    received_at TEXT NOT NULL,
    -- The package's checksum: a repeat of a key with another one is refused (409).
    checksum TEXT NOT NULL,
    -- Files the package lists.
    attachments BIGINT NOT NULL,
    package TEXT NOT NULL
);
CREATE INDEX submissions_form ON submissions (form_id, number);

-- What each file is; its bytes are in the file store, under its SHA-256.
CREATE TABLE attachments (
    idempotency_key TEXT NOT NULL REFERENCES submissions (idempotency_key),
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    PRIMARY KEY (idempotency_key, sha256)
);

CREATE TABLE ratings (
    id TEXT PRIMARY KEY,
    -- Receipt order, for reports.
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- One rating per case.
    case_reference TEXT UNIQUE,
    service TEXT NOT NULL,
    version TEXT,
    channel TEXT NOT NULL,
    level BIGINT NOT NULL,
    efficiency BIGINT,
    guide_accuracy BIGINT,
    convenience BIGINT,
    usability BIGINT,
    reasons TEXT NOT NULL,
    comment TEXT,
    locale TEXT NOT NULL,
    created TEXT NOT NULL,
    received_at TEXT NOT NULL,
    followed_up_at TEXT
);
CREATE INDEX ratings_service ON ratings (service);

CREATE TABLE event_counts (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    type TEXT NOT NULL,
    form TEXT NOT NULL,
    version TEXT NOT NULL,
    page TEXT NOT NULL,
    field TEXT NOT NULL,
    rule TEXT NOT NULL,
    detail TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, channel, type, form, version, page, field, rule, detail)
);

-- How many event_counts rows each form ("" for searches) has on a day: the bound.
CREATE TABLE event_rows (
    day TEXT NOT NULL,
    form TEXT NOT NULL,
    rows BIGINT NOT NULL,
    PRIMARY KEY (day, form)
);

-- Signed-in staff: the SHA-256 of each session id, and when it ends (Unix seconds).
CREATE TABLE staff_sessions (
    key TEXT PRIMARY KEY,
    ends_at BIGINT NOT NULL
);
