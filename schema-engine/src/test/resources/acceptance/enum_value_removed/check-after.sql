SELECT (SELECT count(*) FROM items WHERE s = 'active' AND prev = 'draft') = 1
   AND (SELECT count(*) FROM items WHERE s = 'draft' AND prev IS NULL) = 1
   AND (SELECT count(*) FROM item_refs WHERE s = 'active') = 1
