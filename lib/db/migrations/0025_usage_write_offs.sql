-- The system ledger account that usage rated past a customer's overdraft floor is written off from
-- (issue 17, DESIGN section 4 "Bounds"): ingestion posts the usage in full and, in the same
-- transaction, a `usage_write_off` transfer from this account back to the customer for the part below
-- the floor, so the customer never owes more than the floor. Like the other system accounts it keeps no
-- cached balance: its balance is the sum of its entries (minus everything ever written off).
INSERT INTO ledger_accounts (code, kind) VALUES ('usage_write_offs', 'usage_write_offs') ON CONFLICT (code) DO NOTHING;
