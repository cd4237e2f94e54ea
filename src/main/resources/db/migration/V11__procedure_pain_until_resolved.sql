-- Pain during or after a procedure is "stop and review: held until a clinician resolves it" (DOMAIN.md, 004),
-- so it lasts until resolved, like a tumour: a typed expected end must not end it.
UPDATE contraindication SET temporality = 'PERMANENT', version = version + 1 WHERE code = 'PROCEDURE_PAIN';
