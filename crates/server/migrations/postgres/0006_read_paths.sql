-- The payments list, read by every household around the 10th of the month, answered from
-- the index alone (an index-only scan): the payment rows carry the rules' steps (about 800
-- bytes each), so a list read several heap pages per request.
CREATE INDEX payments_list ON payments (beneficiary_id, cycle DESC) INCLUDE (paid_on, amount_sar, status);
