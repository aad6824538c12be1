-- Whether any of the account's messages carried the SENT label when its derivations were last
-- computed (direction follows the SENT label when one does, else the From address), so a later
-- derivation can re-derive only the messages stored or changed since (their thread_key is NULL)
-- as long as that answer still holds. NULL: nothing is known (never derived, or a bulk change
-- such as new identities, a spam/trash setting or a retention sweep): derive the whole account.
ALTER TABLE accounts ADD COLUMN derived_any_sent INTEGER;
