-- A whistle carries its own location (the case's point, or the place's), so a receiver who cannot read
-- the case still knows where to go and how far from it they checked in.
ALTER TABLE whistles ADD COLUMN lng double precision;
ALTER TABLE whistles ADD COLUMN lat double precision;
ALTER TABLE whistles ADD COLUMN address text NOT NULL DEFAULT '';
UPDATE whistles w SET lng = c.lng, lat = c.lat, address = c.address FROM cases c WHERE c.id = w.case_id;

-- A summons goes to a department (its receivers race for it) or to one person: the community's
-- legal adviser (法律顾问), who answers as herself.
ALTER TABLE summonses ALTER COLUMN department_id DROP NOT NULL;
ALTER TABLE summonses ADD COLUMN adviser_id uuid REFERENCES users(id);
ALTER TABLE summonses ADD CONSTRAINT summonses_one_party CHECK ((department_id IS NULL) <> (adviser_id IS NULL));
CREATE UNIQUE INDEX summonses_adviser_idx ON summonses (whistle_id, adviser_id) WHERE adviser_id IS NOT NULL;
CREATE INDEX summonses_adviser_open_idx ON summonses (adviser_id) WHERE adviser_id IS NOT NULL;
