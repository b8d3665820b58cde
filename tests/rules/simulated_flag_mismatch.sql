-- An indicator is simulated exactly when its source is.
SELECT i.indicator_id FROM indicators AS i JOIN sources AS s USING (source_id) WHERE i.simulated <> s.simulated
