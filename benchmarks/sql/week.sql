-- One manager's activities of a week in the middle of the data, with the
-- client and manager names (the calendar's query).
SELECT a.id, a.type, a.state, a.starts_at, a.duration_min, c.name, m.name FROM activity a LEFT JOIN client c ON c.id = a.client_id JOIN manager m ON m.id = a.manager_id WHERE a.manager_id = 5 AND a.starts_at >= strftime ('%s', 'now', '-7 days') AND a.starts_at < strftime ('%s', 'now') AND a.rrule IS NULL ORDER BY a.starts_at, a.id;
