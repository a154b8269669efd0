-- The payments list, read by every household around the 10th of the month, answered from
-- one index alone: the payment rows carry the rules' steps (about 800 bytes each), so reading
-- them for a list touched several table pages and did 24 lookups per request. With this
-- index a list is one descent and one leaf, however many households there are.
CREATE INDEX payments_list ON payments (beneficiary_id, cycle DESC, paid_on, amount_sar, status);
