-- The monthly support an assessment estimated (whole SAR), so the account home can show the
-- next payment's expected amount from the latest assessment. NULL for results stored before.
ALTER TABLE eligibility_results ADD COLUMN monthly_support_sar INTEGER CHECK (monthly_support_sar >= 0);
