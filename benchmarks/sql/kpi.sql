-- The queries crm_kpi_store_compute runs (src/store/crm-kpi-*.c), with the
-- period's parameters filled in by measure.py: the floor of the KPI figures.
SELECT id, name, active FROM manager ORDER BY name, id;
SELECT manager_id, sum (calls), sum (calls_inbound), sum (calls_outbound), sum (talk_min), sum (talk_inbound), sum (talk_outbound), sum (meetings_held), sum (meetings_planned) FROM kpi_activity_day WHERE day >= :FROM_DAY AND day < :TO_DAY GROUP BY manager_id;
SELECT manager_id, source, sum (revenue) FROM kpi_payment_day WHERE day >= :FROM_DAY AND day < :TO_DAY GROUP BY manager_id, source;
SELECT count (*) FROM (SELECT id FROM client INDEXED BY client_by_first_paid WHERE first_paid_on >= :FROM_DAY AND first_paid_on < :TO_DAY);
SELECT count (*), sum (amount) FROM (SELECT client_id, manager_id, amount FROM payment INDEXED BY payment_by_day WHERE paid_on >= :FROM_DAY AND paid_on < :TO_DAY);
SELECT count (*), sum (cost) FROM (SELECT client_id, manager_id, cost FROM complaint INDEXED BY complaint_by_day WHERE opened_on >= :FROM_DAY AND opened_on < :TO_DAY);
SELECT count (*) FROM (SELECT owner_id FROM client INDEXED BY client_by_created_owner WHERE created_at >= :FROM_TS AND created_at < :TO_TS);
SELECT count (*) FROM (SELECT manager_id FROM deal INDEXED BY deal_by_closed WHERE closed_on >= :FROM_DAY AND closed_on < :TO_DAY AND stage = 'won');
SELECT manager_id, sum (weighted), sum (CASE WHEN close_on <> '' AND close_on < :D30 THEN weighted ELSE 0 END), sum (CASE WHEN close_on <> '' AND close_on < :D60 THEN weighted ELSE 0 END) FROM kpi_pipeline_day GROUP BY manager_id;
SELECT manager_id, sum (created), sum (reached_qualified), sum (reached_meeting), sum (reached_proposal), sum (reached_negotiation), sum (reached_won), sum (lost), sum (stay_new), sum (left_new), sum (stay_qualified), sum (left_qualified), sum (stay_meeting), sum (left_meeting), sum (stay_proposal), sum (left_proposal), sum (stay_negotiation), sum (left_negotiation) FROM kpi_deal_day WHERE day >= :FROM_DAY AND day < :TO_DAY GROUP BY manager_id;
SELECT manager_id, month, revenue, calls, talk_min, meetings, new_clients FROM kpi_target WHERE month >= substr (:FROM_DAY, 1, 7) AND month < substr (:TO_DAY, 1, 7);
SELECT manager_id, sum (revenue) FROM kpi_payment_day WHERE day >= :H_FROM AND day < :H_TO GROUP BY manager_id;
SELECT manager_id, sum (calls), sum (meetings_held) FROM kpi_activity_day WHERE day >= :H_FROM AND day < :H_TO GROUP BY manager_id;
SELECT manager_id, sum (meetings_held) FROM kpi_activity_day WHERE day >= :R_FROM AND day < :R_TO GROUP BY manager_id;
SELECT manager_id, month, revenue, meetings FROM kpi_target WHERE month >= :THIS_MONTH ORDER BY month LIMIT 40;
