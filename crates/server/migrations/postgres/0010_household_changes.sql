-- Household changes («تحديث البيانات», issue #13): members carry their sex, so the pages can
-- say الزوجة / الزوج, ابن / ابنة; and a beneficiary files change requests (add or remove a
-- dependent, change the income) that stay under review until the program decides.

-- NULL: not recorded (a row from before this column whose sex no record tells).
ALTER TABLE dependents ADD COLUMN sex TEXT CHECK (sex IN ('male', 'female'));
-- Made-up households recorded before: the spouses of their heads are wives, and the demo
-- children are sons or daughters by their names (crates/server/src/demo.rs).
UPDATE dependents SET sex = 'female' WHERE relation = 'spouse'
    AND beneficiary_id IN (SELECT id FROM beneficiaries WHERE origin IN ('demo', 'synthetic'));
UPDATE dependents SET sex = 'female' WHERE relation = 'child' AND name_en IN (
    'Lama Abdullah Alqahtani', 'Joud Saad Alotaibi', 'Reem Saad Alotaibi',
    'Haya Saad Alotaibi', 'Dana Fahad Alshehri', 'Shahad Faisal Alghamdi')
    AND beneficiary_id IN (SELECT id FROM beneficiaries WHERE origin = 'demo');
UPDATE dependents SET sex = 'male' WHERE relation = 'child' AND name_en IN (
    'Mohammed Abdullah Alqahtani', 'Khalid Saad Alotaibi', 'Faisal Saad Alotaibi',
    'Omar Saad Alotaibi', 'Sultan Fahad Alshehri', 'Yazan Turki Almutairi',
    'Saud Faisal Alghamdi', 'Salman Fahad Aldosari')
    AND beneficiary_id IN (SELECT id FROM beneficiaries WHERE origin = 'demo');

-- One request per row; what it asks for is kept as the normalised JSON the API answered with
-- (`wire::HouseholdChange`), so the list shows exactly what was accepted for review.
CREATE TABLE household_changes (
    id BIGSERIAL PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('add_dependent', 'remove_dependent', 'income')),
    details_json TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('under_review', 'accepted', 'rejected')),
    submitted_on TEXT NOT NULL,
    applies_from_cycle BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX household_changes_by_beneficiary ON household_changes (beneficiary_id, status, id);
