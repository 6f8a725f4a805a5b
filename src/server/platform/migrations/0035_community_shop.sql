-- 积分超市 (issue 16, shop area): goods a community offers for points and the redemptions of them.
-- The points themselves are entries of the ledger (0032): a redemption's spend is a shop_redemption
-- entry, a cancellation's refund a shop_refund entry, each naming the redemption as its source.

-- 商品: a community's goods. Stock never goes below zero (the redemption decrements it with
-- `stock = stock - n WHERE stock >= n`; the CHECK is the database's own backstop).
CREATE TABLE shop_goods (
  id             uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  community_id   uuid NOT NULL REFERENCES places(id),
  community_path text NOT NULL,
  name           text NOT NULL,
  description    text NOT NULL DEFAULT '',
  photo_file_id  uuid REFERENCES files(id),
  points_price   integer NOT NULL CHECK (points_price > 0 AND points_price <= 1000000),
  stock          integer NOT NULL CHECK (stock >= 0),
  -- 每人每月限兑: how many one person may redeem in a calendar month (Asia/Shanghai); 0 = no limit
  monthly_limit  integer NOT NULL DEFAULT 0 CHECK (monthly_limit >= 0),
  active         boolean NOT NULL DEFAULT true,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX shop_goods_community_idx ON shop_goods (community_path, active);

-- 兑换: placed → handed_over (staff, against the pickup code the resident shows) | cancelled (refund).
CREATE TABLE shop_redemptions (
  id               uuid PRIMARY KEY,
  tenant_id        text NOT NULL,
  goods_id         uuid NOT NULL REFERENCES shop_goods(id),
  community_id     uuid NOT NULL REFERENCES places(id),
  community_path   text NOT NULL,
  user_id          uuid NOT NULL REFERENCES users(id),
  quantity         integer NOT NULL CHECK (quantity > 0),
  points           integer NOT NULL CHECK (points > 0),
  state            text NOT NULL CHECK (state IN ('placed','handed_over','cancelled')),
  pickup_code      text NOT NULL,
  spend_entry_id   uuid NOT NULL REFERENCES points_entries(id),
  refund_entry_id  uuid REFERENCES points_entries(id),
  placed_at        timestamptz NOT NULL,
  handed_over_at   timestamptz,
  handed_over_by   uuid REFERENCES users(id),
  cancelled_at     timestamptz,
  cancelled_by     uuid REFERENCES users(id),
  cancel_reason    text NOT NULL DEFAULT ''
);
CREATE INDEX shop_redemptions_user_idx ON shop_redemptions (user_id, placed_at);
CREATE INDEX shop_redemptions_goods_idx ON shop_redemptions (goods_id, user_id, placed_at);
CREATE INDEX shop_redemptions_community_idx ON shop_redemptions (community_path, state, placed_at);
