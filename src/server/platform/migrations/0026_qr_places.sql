-- QR codes everywhere (issue 14): spots as a kind of place, a phone on a place for its posters, and
-- the unguessable token a poster's QR code carries.

-- 地点: a named point place under a grid (a park, a market, a square) that gets a poster of its own.
ALTER TABLE places DROP CONSTRAINT places_kind_check;
ALTER TABLE places ADD CONSTRAINT places_kind_check
  CHECK (kind IN ('province','city','county','street','community','grid','building','unit','household','spot'));

-- The number a poster prints (the community's office); empty when none is known.
ALTER TABLE places ADD COLUMN phone text NOT NULL DEFAULT '';

CREATE TABLE spots (
  place_id   uuid PRIMARY KEY REFERENCES places(id),
  tenant_id  text NOT NULL,
  spot_kind  text NOT NULL CHECK (spot_kind IN ('park','market','square','school','station','other')),
  lng        double precision NOT NULL,
  lat        double precision NOT NULL,
  address    text NOT NULL DEFAULT ''
);

-- One token per place, made when its first poster is printed and kept, so a poster on the wall
-- stays valid. Random (not derived from the code), so nobody can make the token of another place.
CREATE TABLE place_qr_codes (
  token      text PRIMARY KEY,
  place_id   uuid NOT NULL UNIQUE REFERENCES places(id),
  tenant_id  text NOT NULL,
  created_at timestamptz NOT NULL
);
