-- Readiness items already materialised from the old template carry two wrong offsets (issue #16):
-- the NPHD item at H-150 while nphd.ts alerts five calendar months before voting (H-153 for the
-- 2024 voting day the template is written for), and the peace declaration at H-21 while in 2024 it
-- was held on 23-24 Sep, right after the ballot-number draw (H-64). Only rows still holding the old
-- template value move; their done state is kept.
UPDATE kesiapan_item SET due_offset = -153 WHERE kode = 'nphd_cair_penuh' AND due_offset = -150;
UPDATE kesiapan_item SET due_offset = -64 WHERE kode = 'deklarasi_damai' AND due_offset = -21;
