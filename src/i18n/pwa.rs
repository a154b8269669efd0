//! Words of the installable, offline app (issue #11): the "a new version is ready" notice.

pub struct PwaTexts {}

pub const AR: PwaTexts = PwaTexts {};

pub const EN: PwaTexts = PwaTexts {};
