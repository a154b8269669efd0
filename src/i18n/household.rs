//! Words of the household change page (\`/account/household\`, «تحديث البيانات»), issue #13.

pub struct HouseholdTexts {}

pub const AR: HouseholdTexts = HouseholdTexts {};

pub const EN: HouseholdTexts = HouseholdTexts {};
