-- search
SELECT count (*) FROM client c WHERE 1 AND c.id IN (SELECT rowid FROM client_fts WHERE client_fts MATCH '"иван"*');
SELECT c.id, c.name, c.company, c.phones, c.emails, c.status, c.owner_id, c.source FROM client c WHERE 1 AND c.id IN (SELECT rowid FROM client_fts WHERE client_fts MATCH '"иван"*') ORDER BY c.sort_key, c.id LIMIT 200;
-- first-page
SELECT count (*) FROM client c;
SELECT c.id, c.name, c.company, c.phones, c.emails, c.status, c.owner_id, c.source, (SELECT max (a.starts_at) FROM activity a WHERE a.client_id = c.id AND a.state = 'done'), (SELECT coalesce (sum (p.amount), 0) FROM payment p WHERE p.client_id = c.id) FROM client c LEFT JOIN manager m ON m.id = c.owner_id ORDER BY c.sort_key, c.id LIMIT 200;
-- far-page
SELECT c.id, c.name, c.company, c.phones, c.emails, c.status, c.owner_id, c.source, (SELECT max (a.starts_at) FROM activity a WHERE a.client_id = c.id AND a.state = 'done'), (SELECT coalesce (sum (p.amount), 0) FROM payment p WHERE p.client_id = c.id) FROM client c LEFT JOIN manager m ON m.id = c.owner_id WHERE (c.sort_key, c.id) > ('я', 0) ORDER BY c.sort_key, c.id LIMIT 200;
