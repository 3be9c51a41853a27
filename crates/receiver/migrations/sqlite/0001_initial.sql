-- The tables of the first receivers (CREATE … IF NOT EXISTS: a database they made before
-- migrations were numbered is taken as it is).
CREATE TABLE IF NOT EXISTS submissions (
    idempotency_key TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    received_at TEXT NOT NULL,
    package TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS submissions_form ON submissions (form_id);
CREATE TABLE IF NOT EXISTS attachments (
    idempotency_key TEXT NOT NULL REFERENCES submissions (idempotency_key),
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (idempotency_key, sha256)
);
CREATE TABLE IF NOT EXISTS ratings (
    id TEXT PRIMARY KEY,
    case_reference TEXT UNIQUE,
    service TEXT NOT NULL,
    version TEXT,
    channel TEXT NOT NULL,
    level INTEGER NOT NULL,
    efficiency INTEGER,
    guide_accuracy INTEGER,
    convenience INTEGER,
    usability INTEGER,
    reasons TEXT NOT NULL,
    comment TEXT,
    locale TEXT NOT NULL,
    created TEXT NOT NULL,
    received_at TEXT NOT NULL,
    followed_up_at TEXT
);
CREATE INDEX IF NOT EXISTS ratings_service ON ratings (service);
CREATE TABLE IF NOT EXISTS event_counts (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    type TEXT NOT NULL,
    form TEXT NOT NULL,
    version TEXT NOT NULL,
    page TEXT NOT NULL,
    field TEXT NOT NULL,
    rule TEXT NOT NULL,
    detail TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, channel, type, form, version, page, field, rule, detail)
);
-- Signed-in staff: the SHA-256 of each session id, and when it ends (Unix seconds).
CREATE TABLE IF NOT EXISTS staff_sessions (
    key TEXT PRIMARY KEY,
    ends_at INTEGER NOT NULL
);
-- How many event_counts rows each form ("" for searches) has on a day: the bound.
CREATE TABLE IF NOT EXISTS event_rows (
    day TEXT NOT NULL,
    form TEXT NOT NULL,
    rows INTEGER NOT NULL,
    PRIMARY KEY (day, form)
);
