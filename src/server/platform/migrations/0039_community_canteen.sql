-- 社区食堂 · 助餐点 (issue 16): a community's canteens and partner shops, their operators, the menu of each
-- day, subsidy rules of a community or the county, the meals served at the canteen's tablet (with the
-- subsidy decided when served, so a later rule change does not rewrite history), and residents' orders.
-- Days are YYYY-MM-DD text in China time (UTC+8); money in fen.

-- kind: canteen 社区食堂, meal_point 助餐点, partner_shop 合作商户 (its fixed elder discount in percent off
-- for diners aged 60 and over, weighed with the subsidy rules: the best one applies).
CREATE TABLE canteens (
  id                     uuid PRIMARY KEY,
  tenant_id              text NOT NULL,
  community_id           uuid NOT NULL REFERENCES places(id),
  place_path             text NOT NULL,
  name                   text NOT NULL,
  kind                   text NOT NULL CHECK (kind IN ('canteen','meal_point','partner_shop')),
  address                text NOT NULL DEFAULT '',
  hours                  text NOT NULL DEFAULT '',
  elder_discount_percent integer CHECK (elder_discount_percent BETWEEN 1 AND 100),
  delivery               boolean NOT NULL DEFAULT false,
  active                 boolean NOT NULL DEFAULT true,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  UNIQUE (community_id, name)
);
CREATE INDEX canteens_path_idx ON canteens (place_path text_pattern_ops);

-- Who records meals at a canteen: users holding canteen_operator at its community, linked here.
CREATE TABLE canteen_operators (
  canteen_id uuid NOT NULL REFERENCES canteens(id),
  user_id    uuid NOT NULL REFERENCES users(id),
  tenant_id  text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (canteen_id, user_id)
);
CREATE INDEX canteen_operators_user_idx ON canteen_operators (user_id);

-- 菜单: the dishes of a day and meal (早 breakfast, 午 lunch, 晚 dinner). Removed dishes stay for the
-- meals that name them.
CREATE TABLE canteen_dishes (
  id         uuid PRIMARY KEY,
  tenant_id  text NOT NULL,
  canteen_id uuid NOT NULL REFERENCES canteens(id),
  day        text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  meal       text NOT NULL CHECK (meal IN ('breakfast','lunch','dinner')),
  name       text NOT NULL,
  price_fen  integer NOT NULL CHECK (price_fen BETWEEN 0 AND 100000),
  removed    boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);
CREATE INDEX canteen_dishes_day_idx ON canteen_dishes (canteen_id, day, meal);

-- 助餐补贴规则 of a community (community_id set) or of the whole county (community_id null; place_path is
-- the county's). A rule matches a registry resident by tag or by age (years at the meal's day); it takes
-- a fixed amount off or a percent of the price. Of the rules that match, the one that gives the diner
-- the most applies; equal subsidies go to the higher priority.
CREATE TABLE canteen_subsidy_rules (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  community_id uuid REFERENCES places(id),
  place_path   text NOT NULL,
  name         text NOT NULL,
  criterion    text NOT NULL CHECK (criterion IN ('tag','age')),
  tag          text REFERENCES resident_tags(code),
  min_age      integer CHECK (min_age BETWEEN 0 AND 150),
  amount_fen   integer CHECK (amount_fen BETWEEN 1 AND 100000),
  percent      integer CHECK (percent BETWEEN 1 AND 100),
  priority     integer NOT NULL DEFAULT 0,
  active       boolean NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  CHECK ((criterion = 'tag') = (tag IS NOT NULL)),
  CHECK ((criterion = 'age') = (min_age IS NOT NULL)),
  CHECK ((amount_fen IS NULL) <> (percent IS NULL))
);
CREATE INDEX canteen_subsidy_rules_tenant_idx ON canteen_subsidy_rules (tenant_id);

-- 订餐: a resident orders from a day's menu, to pick up or (for elders) to be brought to the door.
CREATE TABLE canteen_orders (
  id          uuid PRIMARY KEY,
  tenant_id   text NOT NULL,
  canteen_id  uuid NOT NULL REFERENCES canteens(id),
  place_path  text NOT NULL,
  user_id     uuid NOT NULL REFERENCES users(id),
  resident_id uuid REFERENCES residents(id),
  day         text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  meal        text NOT NULL CHECK (meal IN ('breakfast','lunch','dinner')),
  dish_ids    uuid[] NOT NULL,
  price_fen   integer NOT NULL,
  delivery    boolean NOT NULL DEFAULT false,
  address     text NOT NULL DEFAULT '',
  note        text NOT NULL DEFAULT '',
  state       text NOT NULL CHECK (state IN ('placed','served','cancelled')),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX canteen_orders_day_idx ON canteen_orders (canteen_id, day);
CREATE INDEX canteen_orders_user_idx ON canteen_orders (user_id, day);

-- 就餐记录: one meal served. The diner is a registry resident (found by ID number or by name) or a walk-in
-- (resident_id null). diner_masked and age are kept as they were at the meal; the rule's name and the
-- subsidy are copied in. client_id makes a tablet's retry idempotent.
CREATE TABLE canteen_meals (
  id           uuid PRIMARY KEY,
  tenant_id    text NOT NULL,
  canteen_id   uuid NOT NULL REFERENCES canteens(id),
  place_path   text NOT NULL,
  client_id    text NOT NULL,
  day          text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  meal         text NOT NULL CHECK (meal IN ('breakfast','lunch','dinner')),
  resident_id  uuid REFERENCES residents(id),
  diner_masked text NOT NULL,
  age          integer,
  dishes       text NOT NULL,
  price_fen    integer NOT NULL CHECK (price_fen >= 0),
  subsidy_fen  integer NOT NULL CHECK (subsidy_fen >= 0 AND subsidy_fen <= price_fen),
  pay_fen      integer NOT NULL CHECK (pay_fen >= 0),
  rule_id      uuid REFERENCES canteen_subsidy_rules(id),
  rule_name    text NOT NULL DEFAULT '',
  order_id     uuid UNIQUE REFERENCES canteen_orders(id),
  served_by    uuid REFERENCES users(id),
  served_at    timestamptz NOT NULL,
  UNIQUE (canteen_id, client_id)
);
CREATE INDEX canteen_meals_day_idx ON canteen_meals (canteen_id, day);
CREATE INDEX canteen_meals_path_idx ON canteen_meals (place_path text_pattern_ops, day);
