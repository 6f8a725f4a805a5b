// The one table of error codes: HTTP status and the message in each language.
export const errorTable = {
  VALIDATION_FAILED: { status: 400, 'zh-CN': '输入有误，请检查后重试', en: 'The input is not valid' },
  BAD_JSON: { status: 400, 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  AUTH_REQUIRED: { status: 401, 'zh-CN': '请先登录', en: 'Please log in first' },
  AUTH_INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码不正确', en: 'Wrong username or password' },
  AUTH_ACCOUNT_DISABLED: { status: 403, 'zh-CN': '账号已停用', en: 'This account is disabled' },
  AUTH_WRONG_PASSWORD: { status: 400, 'zh-CN': '原密码不正确', en: 'The current password is wrong' },
  AUTH_WEAK_PASSWORD: {
    status: 400,
    'zh-CN': '新密码至少 8 位，且须包含字母和数字',
    en: 'The new password needs 8+ characters with letters and digits',
  },
  AUTH_CODE_INVALID: { status: 401, 'zh-CN': '验证码不正确或已过期', en: 'The code is wrong or has expired' },
  CSRF_FAILED: { status: 403, 'zh-CN': '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  FORBIDDEN: { status: 403, 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, 'zh-CN': '找不到该记录', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, 'zh-CN': '记录已存在', en: 'The record already exists' },
  PLACE_PARENT_INVALID: { status: 422, 'zh-CN': '上级区域不正确', en: 'The parent place is not valid for this kind' },
  PLACE_CODE_INVALID: { status: 422, 'zh-CN': '编码不符合规则', en: 'The code does not follow the coding rules' },
  GRID_BOUNDARY_INVALID: {
    status: 422,
    'zh-CN': '网格边界不是有效的多边形',
    en: 'The grid boundary is not a valid polygon',
  },
  GRID_MERGE_INVALID: {
    status: 422,
    'zh-CN': '只能合并同一社区内的两个及以上在用网格',
    en: 'Only two or more active grids of one community can be merged',
  },
  GRID_SPLIT_INVALID: {
    status: 422,
    'zh-CN': '拆分后的网格须覆盖原网格且互不重叠',
    en: 'The new grids must lie in the old grid',
  },
  GRID_RETIRED: { status: 409, 'zh-CN': '该网格已撤销', en: 'This grid has been retired' },
  LOCATE_OUTSIDE: { status: 404, 'zh-CN': '该位置不在任何网格内', en: 'The point lies in no grid' },
  ROLE_UNKNOWN: { status: 422, 'zh-CN': '角色不存在', en: 'Unknown role' },
  SCOPE_UNKNOWN: { status: 422, 'zh-CN': '管辖范围不存在', en: 'Unknown scope code' },
  SCOPE_ABOVE_COUNTY: {
    status: 422,
    'zh-CN': '岗位范围须在一个县（区）之内，请选县、街道、社区或部门',
    en: 'A scope must lie within one county: choose a county, street, community or department',
  },
  RESIDENT_ID_NUMBER_INVALID: { status: 422, 'zh-CN': '身份证号码不正确', en: 'The ID number is not valid' },
  RESIDENT_PHONE_INVALID: { status: 422, 'zh-CN': '电话号码不正确', en: 'The phone number is not valid' },
  RESIDENT_ID_NUMBER_TAKEN: {
    status: 409,
    'zh-CN': '该身份证号码已登记',
    en: 'A resident with this ID number is already registered',
  },
  RESIDENT_TAG_UNKNOWN: { status: 422, 'zh-CN': '人员标签不存在', en: 'Unknown resident tag' },
  RESIDENT_NOT_ACTIVE: {
    status: 409,
    'zh-CN': '该居民已迁出或已故，不能再做此操作',
    en: 'This resident has moved out or died',
  },
  HOUSEHOLD_REQUIRED: { status: 422, 'zh-CN': '请选择一户（房间）', en: 'Choose a household (a room)' },
  REVEAL_NOTHING: { status: 404, 'zh-CN': '没有登记该信息', en: 'Nothing is recorded for this field' },
  IMPORT_FILE_INVALID: {
    status: 400,
    'zh-CN': '文件不是有效的 Excel（.xlsx）表格，或缺少表头',
    en: 'The file is not a valid .xlsx sheet with the template header',
  },
  IMPORT_HAS_ERRORS: {
    status: 422,
    'zh-CN': '表格中有错误行，未导入任何数据',
    en: 'The sheet has bad rows; nothing was imported',
  },
  IMPORT_TOO_MANY_ROWS: { status: 413, 'zh-CN': '一次最多导入 20000 行', en: 'At most 20,000 rows per import' },
  UPLOAD_TOO_LARGE: { status: 413, 'zh-CN': '文件太大', en: 'The file is too large' },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    'zh-CN': '不支持该文件类型（照片请用 JPG、PNG 或 WebP，文件请用 PDF）',
    en: 'This file type is not allowed (photos: JPG, PNG or WebP; documents: PDF)',
  },
  UPLOAD_MISSING: { status: 400, 'zh-CN': '没有收到文件', en: 'No file was received' },
  VISIT_ID_TAKEN: { status: 409, 'zh-CN': '该记录编号已被占用', en: 'This record id is already used' },
  CASE_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '当前状态下不能执行该操作',
    en: 'This action is not allowed in the case’s current state',
  },
  ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '当前状态下不能执行该操作',
    en: 'This action is not allowed in the current state',
  },
  DISPUTE_EXISTS: { status: 409, 'zh-CN': '该诉求已转为矛盾纠纷', en: 'This case is already in the dispute ledger' },
  SUMMONS_TAKEN: {
    status: 409,
    'zh-CN': '本部门已有人接哨（首问负责）',
    en: 'Someone in your department already acknowledged this summons',
  },
  RATE_LIMITED: { status: 429, 'zh-CN': '操作太频繁，请稍后再试', en: 'Too many requests; try again later' },
  DB_UNAVAILABLE: { status: 503, 'zh-CN': '数据库暂不可用', en: 'The database is not available' },
  INTERNAL: {
    status: 500,
    'zh-CN': '系统出错了，请稍后再试（可把请求编号告诉管理员）',
    en: 'Something went wrong; tell the administrator the request id',
  },
  OPEN311_KEY_INVALID: {
    status: 403,
    'zh-CN': '请提供有效的 api_key（向区县管理员申请）',
    en: 'A valid api_key is needed (ask the county administrator for one)',
  },
  OPEN311_OUTSIDE_COUNTY: {
    status: 403,
    'zh-CN': '该 api_key 只能提交本区县范围内的问题',
    en: 'This api_key may only file requests within its own county',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    'zh-CN': '请求内容的格式不对（应为 JSON 或表单上传）',
    en: 'The request body has the wrong content type (JSON or a form upload expected)',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    'zh-CN': '该提交编号已用于另一份反映，请刷新页面后重新提交',
    en: 'This Idempotency-Key belongs to another report; reload the form and send it again',
  },
  CASE_RATING_PROOF_REQUIRED: {
    status: 403,
    'zh-CN': '请点击办结短信中的链接评价，或用反映问题时的手机号登录后在“我的反映”中评价',
    en: 'To rate, open the link in the SMS about the result, or log in with the phone number you reported with and rate under “My reports”',
  },
  IMPORT_RUNNING: {
    status: 409,
    'zh-CN': '该社区正在导入另一份名册，请等它完成后再试',
    en: 'Another import into this community is running; try again when it has finished',
  },
  LIST_ENTRY_TAKEN: {
    status: 409,
    'zh-CN': '已有同样代码或名称的条目，请换一个名称',
    en: 'An entry with this code or name already exists; choose another name',
  },
  PARTY_ORG_UNITS_NOT_ALLOWED: {
    status: 422,
    'zh-CN': '只有社区大党委等联合党组织可以添加成员单位',
    en: 'Only a joint party committee (大党委) takes member units',
  },
  QR_TOKEN_INVALID: {
    status: 404,
    'zh-CN': '这个二维码无效或已停用，请扫描张贴处的二维码，或联系社区',
    en: 'This QR code is not valid or no longer in use; scan the code on the poster or call the community',
  },
  QR_POSTERS_NONE: {
    status: 422,
    'zh-CN': '所选范围内没有可以生成海报的楼栋、单元或地点',
    en: 'There are no buildings, units or spots to make posters for here',
  },
  QR_POSTERS_TOO_MANY: {
    status: 422,
    'zh-CN': '一次最多生成 500 张海报，请按网格或楼栋分批生成',
    en: 'At most 500 posters at a time; make them grid by grid or building by building',
  },
  CATEGORY_CHANGED: {
    status: 409,
    'zh-CN': '该分类刚被他人修改，请刷新后再改',
    en: 'Someone else changed this category just now; reload and edit again',
  },
  CATEGORY_IN_USE: {
    status: 409,
    'zh-CN': '该分类已有诉求或下级分类，不能删除，请改为停用',
    en: 'Cases or sub-categories use this category; deactivate it instead of deleting it',
  },
  WHISTLE_NOBODY_TO_TELL: {
    status: 422,
    'zh-CN': '该部门没有接哨账号，也没有登记手机号，街道也无人可通知：请先为部门登记接哨员或手机号',
    en: 'The department has no receiver account and no mobile number on record, and no street officer can be told: add a receiver or its number first',
  },
  // User administration (users/).
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '请先修改密码：管理员设置的初始密码或临时密码须由本人改为新密码后才能使用系统',
    en: 'Change your password first: a password set by an administrator must be replaced by your own',
  },
  ROLE_NOT_GRANTABLE: {
    status: 403,
    'zh-CN': '不能授予该角色：只能在自己的管辖范围内授予不超出自己权限的角色',
    en: 'You cannot grant this role: only roles within your own powers, at places in your scope',
  },
  USER_SELF_LOCKOUT: {
    status: 409,
    'zh-CN': '不能停用自己的账号，也不能去掉自己管理用户的权限',
    en: 'You cannot disable yourself or remove your own right to manage users',
  },
  USER_LAST_MEMBERSHIP: {
    status: 409,
    'zh-CN': '账号至少要保留一个角色；不再使用请停用账号',
    en: 'A user keeps at least one role; disable the account instead',
  },
  // 服务事项目录 (issue 15, catalogue)
  SERVICE_ITEM_CHANGED: {
    status: 409,
    'zh-CN': '该事项刚被他人修改，请刷新后再改',
    en: 'Someone else changed this item just now; reload and edit again',
  },
  SERVICE_CODE_TAKEN: { status: 409, 'zh-CN': '该编码已被使用', en: 'This code is already used' },
  // 一站式大厅 and 自助终端 (issue 15, hall)
  HALL_PLACE_INVALID: {
    status: 422,
    'zh-CN': '大厅只能设在街道或社区',
    en: 'A hall belongs to a street or a community',
  },
  HALL_SLOT_CLOSED: {
    status: 422,
    'zh-CN': '该时段大厅不办理预约',
    en: 'The hall takes no appointments in this half-day',
  },
  HALL_SLOT_FULL: { status: 409, 'zh-CN': '该时段已约满，请选择其他时段', en: 'This half-day is fully booked' },
  HALL_CLOSED_TODAY: { status: 422, 'zh-CN': '大厅今天不办公，不能取号', en: 'The hall is closed today' },
  HALL_WINDOW_INACTIVE: { status: 409, 'zh-CN': '该窗口已停用', en: 'This window is not active' },
  KIOSK_TOKEN_INVALID: {
    status: 401,
    'zh-CN': '终端凭证无效或已停用，请联系工作人员重新设置',
    en: 'The kiosk token is not valid or was revoked',
  },
  // 邻里生活 (issue 16): the shared kernel. Each area adds its codes in its own block below, in order:
  // volunteers, wishes, shop, rooms, stewards, units, canteen.
  POINTS_INSUFFICIENT: { status: 409, 'zh-CN': '积分不足', en: 'Not enough points' },
  HOME_COMMUNITY_REQUIRED: {
    status: 422,
    'zh-CN': '请先选择您所在的社区',
    en: 'Choose your community first',
  },
  // 邻里生活 · rooms (功能室)
  ROOM_CONFLICT: {
    status: 409,
    'zh-CN': '该时段已有预约，请选择其他时间',
    en: 'The room is already booked at that time',
  },
  ROOM_CLOSED: {
    status: 422,
    'zh-CN': '所选时间不在功能室开放时间内',
    en: 'The room is not open at that time',
  },
  ROOM_INACTIVE: { status: 409, 'zh-CN': '该功能室已停用', en: 'This room is not in use' },
  ROOM_OVER_CAPACITY: {
    status: 422,
    'zh-CN': '人数超过功能室容量',
    en: 'More people than the room holds',
  },
  ROOM_TIME_PASSED: { status: 422, 'zh-CN': '不能预约已经过去的时间', en: 'That time has passed' },
  ROOM_NOT_YOUR_GROUP: {
    status: 403,
    'zh-CN': '只能为您所在的志愿服务队或您联络的共建单位预约',
    en: 'You may book only for your own team or the unit you act for',
  },
  ROOM_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '该预约当前状态下不能执行此操作',
    en: 'This booking does not allow that action now',
  },
  ROOM_CHECKIN_NOT_OPEN: {
    status: 422,
    'zh-CN': '签到时间为预约开始前 30 分钟至结束',
    en: 'Check-in opens 30 minutes before the start and closes at the end',
  },
  ROOM_CHECKIN_CODE_INVALID: {
    status: 422,
    'zh-CN': '请在功能室扫描门口的签到码',
    en: 'Scan the check-in code at the room',
  },
  // 邻里生活 · stewards
  STEWARD_STATE_CONFLICT: { status: 409, 'zh-CN': '当前状态下不能进行此操作', en: 'Not possible in the current state' },
  STEWARD_BUILDING_TAKEN: {
    status: 409,
    'zh-CN': '本楼已有在任楼门管家，请先办理卸任',
    en: 'The building already has a steward; retire them first',
  },
  STEWARD_ALREADY_STEWARD: { status: 409, 'zh-CN': '此人已是本楼楼门管家', en: 'This person is already the steward' },
  STEWARD_ALREADY_NOMINATED: {
    status: 409,
    'zh-CN': '此人已被提名，正在等待选任',
    en: 'This person is already nominated',
  },
  STEWARD_NOMINEE_NOT_IN_BUILDING: {
    status: 422,
    'zh-CN': '被提名人须是本楼（社区提名时为本社区）登记的住户，并已用手机号登录过',
    en: 'The nominee must be a registered resident of the building (of the community, for the community) who has logged in',
  },
  STEWARD_NOMINEE_INVALID: { status: 422, 'zh-CN': '请只填写一种被提名人', en: 'Name the nominee one way only' },
  STEWARD_VOTE_OPEN: { status: 409, 'zh-CN': '本楼正在投票中', en: 'A vote is open in this building' },
  STEWARD_VOTE_CLOSED: { status: 409, 'zh-CN': '投票已结束', en: 'The vote is closed' },
  STEWARD_NO_CANDIDATES: {
    status: 422,
    'zh-CN': '投票至少需要两名候选人，请先提名（只有一人时可直接任命）',
    en: 'A vote needs at least two nominees (appoint a single one directly)',
  },
  STEWARD_ALREADY_VOTED: { status: 409, 'zh-CN': '您已投过票', en: 'You have already voted' },
  STEWARD_VOTE_TIE: {
    status: 409,
    'zh-CN': '无人得票或得票相同，不能产生当选人；可取消投票后由社区任命',
    en: 'No single winner; cancel the vote and appoint',
  },
  STEWARD_TERM_ENDED: { status: 409, 'zh-CN': '您已卸任本楼楼门管家', en: 'This term has ended' },
  STEWARD_MONTH_CLOSED: {
    status: 422,
    'zh-CN': '只能填写本月或上月的履职清单',
    en: 'Only this month’s or last month’s checklist can be ticked',
  },
  STEWARD_MONTH_OUTSIDE_TERM: { status: 422, 'zh-CN': '该月份不在任期内', en: 'The month is outside the term' },
  STEWARD_HOUSEHOLD_NOT_IN_BUILDING: {
    status: 422,
    'zh-CN': '该住户不在本楼',
    en: 'The household is not in this building',
  },
  STEWARD_DATE_INVALID: { status: 422, 'zh-CN': '日期不正确', en: 'The date is not valid' },
  STEWARD_NO_STEWARD_THAT_YEAR: {
    status: 422,
    'zh-CN': '该楼当年没有楼门管家',
    en: 'The building had no steward that year',
  },
  STEWARD_ALREADY_COMMENDED: { status: 409, 'zh-CN': '已在当年表彰名单中', en: 'Already on that year’s list' },
  // 邻里生活 · wishes
  WISH_ACTION_NOT_ALLOWED: { status: 409, 'zh-CN': '该心愿当前不能这样操作', en: 'This wish does not allow that now' },
  WISH_ALREADY_CLAIMED: { status: 409, 'zh-CN': '这个心愿已被认领', en: 'This wish has already been claimed' },
  WISH_RESIDENT_UNKNOWN: {
    status: 400,
    'zh-CN': '找不到这位居民，或不在您负责的范围内',
    en: 'No such resident where you may post wishes',
  },
  WISH_REASON_REQUIRED: { status: 400, 'zh-CN': '请填写不通过的原因', en: 'Give the reason for rejecting' },
  WISH_UNIT_NOT_LIAISON: { status: 403, 'zh-CN': '您不是该单位的联络员', en: 'You are not a liaison of this unit' },
  WISH_ACTION_PLACE_INVALID: {
    status: 422,
    'zh-CN': '微行动须由社区发布',
    en: 'A micro-action belongs to a community',
  },
  WISH_ACTION_DATE_PAST: { status: 422, 'zh-CN': '活动日期不能早于今天', en: 'The date is in the past' },
  WISH_ACTION_FULL: { status: 409, 'zh-CN': '名额已满', en: 'No places left' },
  WISH_ACTION_CLOSED: { status: 409, 'zh-CN': '该微行动已结束或取消', en: 'This micro-action is over or cancelled' },
  WISH_ACTION_PARTICIPANT_UNKNOWN: {
    status: 400,
    'zh-CN': '参与人须是已报名的人',
    en: 'Participants must have signed up',
  },
  // 邻里生活 · units
  UNIT_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '当前状态下不能进行此操作',
    en: 'This action is not allowed in the current state',
  },
  UNIT_NAME_TAKEN: {
    status: 409,
    'zh-CN': '本社区已登记同名单位',
    en: 'The community already has a unit of this name',
  },
  UNIT_AGREEMENT_EXISTS: {
    status: 409,
    'zh-CN': '该单位本年度已有共建协议',
    en: 'The unit already has an agreement for this year',
  },
  UNIT_AGREEMENT_ENDED: { status: 409, 'zh-CN': '协议已终止，不能再添加清单', en: 'The agreement has ended' },
  UNIT_NOT_CO_BUILDING: {
    status: 422,
    'zh-CN': '只有共建单位才有共建协议和四单',
    en: 'Only co-building units have an agreement and lists',
  },
  UNIT_PLACE_INVALID: { status: 422, 'zh-CN': '单位须登记在社区', en: 'A unit is registered with a community' },
  UNIT_LIAISON_INVALID: {
    status: 422,
    'zh-CN': '该用户不是本社区的共建单位联络员',
    en: 'This user is not a unit liaison of the community',
  },
  UNIT_BUILDING_INVALID: {
    status: 422,
    'zh-CN': '所选楼栋不在本社区',
    en: 'A chosen building is not in the community',
  },
  UNIT_PROOF_REQUIRED: {
    status: 422,
    'zh-CN': '请写明完成情况或上传佐证材料',
    en: 'Describe what was done or attach proof',
  },
  UNIT_REASON_REQUIRED: { status: 422, 'zh-CN': '请写明退回原因', en: 'Give the reason for returning it' },
  // 邻里生活 · shop
  SHOP_OUT_OF_STOCK: { status: 409, 'zh-CN': '库存不足', en: 'Not enough in stock' },
  SHOP_MONTHLY_LIMIT: {
    status: 409,
    'zh-CN': '已达到本月兑换上限',
    en: 'You have reached this month’s limit for these goods',
  },
  SHOP_PICKUP_CODE_WRONG: { status: 422, 'zh-CN': '取货码不正确', en: 'The pickup code is not right' },
  SHOP_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '该兑换当前不能进行此操作',
    en: 'This redemption does not allow that now',
  },
  SHOP_RULE_NOT_RATED: {
    status: 422,
    'zh-CN': '兑换、退回和更正不按规则计分',
    en: 'Spending, refunds and corrections carry their own amount, not a rate',
  },
  SHOP_REPORT_PHONE_REQUIRED: {
    status: 422,
    'zh-CN': '请用手机号登录后再反映问题',
    en: 'Log in with your phone number to report a problem',
  },
  // 邻里生活 · canteen
  CANTEEN_PLACE_INVALID: { status: 422, 'zh-CN': '食堂只能设在社区', en: 'A canteen belongs to a community' },
  CANTEEN_NOT_OPERATOR: {
    status: 403,
    'zh-CN': '您不是该食堂的操作员',
    en: 'You are not an operator of this canteen',
  },
  CANTEEN_OPERATOR_INVALID: {
    status: 422,
    'zh-CN': '操作员须是该社区的助餐点操作员',
    en: 'An operator must hold the canteen operator role at the community',
  },
  CANTEEN_DISH_INVALID: {
    status: 422,
    'zh-CN': '所选菜品不在该食堂当天这一餐的菜单上',
    en: 'A dish is not on this canteen’s menu for that day and meal',
  },
  CANTEEN_RULE_INVALID: {
    status: 422,
    'zh-CN': '补贴规则不完整：按标签须选标签，按年龄须填年龄，减免金额与折扣二选一',
    en: 'A rule needs a tag or an age, and either an amount or a percent',
  },
  CANTEEN_CLIENT_ID_REUSED: {
    status: 409,
    'zh-CN': '该就餐记录编号已用于另一餐',
    en: 'This client id was already used for a different meal',
  },
  CANTEEN_ORDER_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '订单当前状态不允许此操作',
    en: 'The order’s state does not allow this',
  },
  CANTEEN_ORDER_CLOSED: {
    status: 422,
    'zh-CN': '只能预订今天及以后的餐',
    en: 'Orders are taken for today and later days only',
  },
  CANTEEN_NO_DELIVERY: {
    status: 422,
    'zh-CN': '该食堂不提供送餐上门，或未填写送餐地址',
    en: 'This canteen does not deliver, or no address was given',
  },
  // 邻里生活 · volunteers (志愿服务 · 活动 · 双报到认岗)
  ACTIVITY_TIMES_INVALID: {
    status: 422,
    'zh-CN': '活动时间不正确：结束须晚于开始，报名截止不能晚于结束',
    en: 'The activity ends before it starts, or sign-up closes after it ends',
  },
  ACTIVITY_TEAM_INVALID: { status: 422, 'zh-CN': '没有这个志愿服务队', en: 'No such volunteer team' },
  ACTIVITY_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '活动当前状态不能进行此操作',
    en: 'The activity cannot do this in its current state',
  },
  ACTIVITY_NOT_ENDED: { status: 409, 'zh-CN': '活动尚未结束', en: 'The activity has not ended yet' },
  ACTIVITY_CAPACITY_BELOW: {
    status: 409,
    'zh-CN': '名额不能少于已报名人数',
    en: 'The capacity cannot be below the number signed up',
  },
  ACTIVITY_SIGNUP_CLOSED: { status: 409, 'zh-CN': '活动报名已截止或未开放', en: 'Sign-up is closed' },
  ACTIVITY_ALREADY_SIGNED_UP: { status: 409, 'zh-CN': '您已报名该活动', en: 'You have already signed up' },
  ACTIVITY_FULL: { status: 409, 'zh-CN': '活动名额已满', en: 'The activity is full' },
  ACTIVITY_NOT_SIGNED_UP: { status: 409, 'zh-CN': '您没有报名该活动', en: 'You are not signed up' },
  ACTIVITY_CHECKIN_CLOSED: {
    status: 409,
    'zh-CN': '不在签到时间内（活动开始前 30 分钟至结束后 30 分钟）',
    en: 'Check-in is open from 30 minutes before the start to 30 minutes after the end',
  },
  ACTIVITY_NO_LOCATION: {
    status: 422,
    'zh-CN': '该活动不支持定位签到，请扫码签到',
    en: 'This activity has no location check-in',
  },
  ACTIVITY_TOO_FAR: { status: 422, 'zh-CN': '您不在活动地点附近，不能签到', en: 'You are too far from the activity' },
  ACTIVITY_CHECKIN_TOKEN_INVALID: { status: 404, 'zh-CN': '签到码无效', en: 'The check-in code is not valid' },
  ACTIVITY_NOT_CHECKED_IN: { status: 409, 'zh-CN': '您还没有签到', en: 'You have not checked in' },
  ACTIVITY_CHECKED_OUT: { status: 409, 'zh-CN': '已签退', en: 'Already checked out' },
  ACTIVITY_CHECKED_IN: {
    status: 409,
    'zh-CN': '已签到，不能取消报名',
    en: 'Checked in: the sign-up cannot be cancelled',
  },
  ACTIVITY_NOT_MEMBER: {
    status: 403,
    'zh-CN': '只有在职党员（双报到）可以认岗',
    en: 'Only in-service party members may claim posts',
  },
  ACTIVITY_POST_FULL: { status: 409, 'zh-CN': '该岗位已满员', en: 'This post has no free place' },
  ACTIVITY_POST_CLAIMED: { status: 409, 'zh-CN': '您已认领该岗位', en: 'You already hold this post' },
  ACTIVITY_POST_CLOSED: { status: 409, 'zh-CN': '该岗位已停用或已结束', en: 'The post or claim is no longer active' },
  ACTIVITY_RECORD_EXISTS: { status: 409, 'zh-CN': '该月已有履岗记录', en: 'This month is already recorded' },
  ACTIVITY_RECORD_MONTH: {
    status: 422,
    'zh-CN': '只能记录认岗以来、本月及以前的月份',
    en: 'Only months from the claim to this month can be recorded',
  },
  ACTIVITY_RECORD_CONFIRMED: { status: 409, 'zh-CN': '该记录已确认', en: 'This record is already confirmed' },
  ACTIVITY_NOT_LIAISON: {
    status: 403,
    'zh-CN': '您还不是任何共建单位的联络员',
    en: 'You are not the liaison of any unit',
  },
  // 表决 (issue 17): the vote kernel.
  VOTE_OPTIONS_INVALID: {
    status: 422,
    'zh-CN': '表决至少需要两个选项',
    en: 'A vote needs at least two options',
  },
  // 议题 (issue 17): topics raised, seconded and screened.
  TOPIC_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '该议题当前不能这样操作',
    en: 'This topic does not allow that now',
  },
  TOPIC_ALREADY_SECONDED: { status: 409, 'zh-CN': '您已附议过这个议题', en: 'You have already seconded this topic' },
  TOPIC_REASON_REQUIRED: { status: 400, 'zh-CN': '请填写不予采纳的理由', en: 'Give the reason for not taking it up' },
  TOPIC_PLACE_NOT_ALLOWED: {
    status: 403,
    'zh-CN': '只能在您所在的社区、网格或楼栋提议题',
    en: 'You may raise a topic only for your own community, grid or building',
  },
  TOPIC_CASE_LINKED: { status: 409, 'zh-CN': '该诉求已转为议题', en: 'This case has already become a topic' },
  // 社区公开页 (issue 17): the public community page.
  PUBLIC_PAGE_COMMUNITY_NOT_FOUND: {
    status: 404,
    'zh-CN': '没有这个社区，或社区已撤销',
    en: 'No such community, or it is no longer in use',
  },
  PUBLIC_PAGE_REPORT_NOT_FOUND: {
    status: 404,
    'zh-CN': '没有这条公开的反映，或它没有照片',
    en: 'No such public report, or it has no photo',
  },
  // 百姓监督员 (issue 17): supervisor projects, candidates, elections, terms, logs and issues.
  SUPERVISION_STATE_CONFLICT: {
    status: 409,
    'zh-CN': '监督项目当前状态不允许此操作',
    en: 'The supervision project is not in a state that allows this',
  },
  SUPERVISION_NOT_RESIDENT: {
    status: 403,
    'zh-CN': '只有该项目所在范围的居民可以报名',
    en: "Only residents of the project's place may apply",
  },
  SUPERVISION_ALREADY_APPLIED: { status: 409, 'zh-CN': '已报名本项目', en: 'Already a candidate of this project' },
  SUPERVISION_TOO_FEW_CANDIDATES: {
    status: 422,
    'zh-CN': '选举至少需要两名已通过的候选人，且不少于监督员名额',
    en: 'An election needs at least two accepted candidates and no fewer than the seats',
  },
  SUPERVISION_SEATS_FULL: { status: 409, 'zh-CN': '监督员名额已满', en: 'All seats of the project are taken' },
  SUPERVISION_PLACE_INVALID: {
    status: 422,
    'zh-CN': '监督项目只能设在社区、网格或楼栋',
    en: 'A supervision project lies on a community, grid or building',
  },
  SUPERVISION_TERM_ENDED: { status: 409, 'zh-CN': '监督员任期已结束', en: 'The supervisor term has ended' },
  SUPERVISION_ISSUE_HANDLED: {
    status: 409,
    'zh-CN': '该问题已转为事件或吹哨',
    en: 'The issue already became a case or a whistle',
  },
  // 议事会议 (issue 17): meetings, agenda, sign-in, minutes, decisions, tasks, hand-up.
  MEETING_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '会议当前状态不允许此操作',
    en: 'The meeting is not in a state for this',
  },
  MEETING_GRID_REQUIRED: {
    status: 422,
    'zh-CN': '议事厅须为社区或其下的网格',
    en: 'The hall must be a community or one of its grids',
  },
  MEETING_TOPIC_NOT_ACCEPTED: {
    status: 409,
    'zh-CN': '只有本社区（网格）已采纳的议题才能列入议程',
    en: 'Only accepted topics of this community (grid) can go on the agenda',
  },
  MEETING_TOPIC_STATE: { status: 409, 'zh-CN': '议题当前状态不允许此操作', en: 'The topic is not in a state for this' },
  MEETING_ITEM_SETTLED: { status: 409, 'zh-CN': '该议程已形成决议或已上报', en: 'This agenda item is already settled' },
  MEETING_ITEM_NOT_DECIDED: { status: 409, 'zh-CN': '该议程尚未形成决议', en: 'This agenda item has no decision yet' },
  MEETING_ALREADY_SIGNED_IN: { status: 409, 'zh-CN': '已签到，无需重复签到', en: 'Already signed in' },
  MEETING_CHECKIN_CLOSED: { status: 409, 'zh-CN': '会议未在签到时段', en: 'Sign-in is not open for this meeting' },
  MEETING_OWNER_INVALID: {
    status: 422,
    'zh-CN': '责任人须为辖区内工作人员或部门',
    en: 'The owner must be a staff member in scope or a department',
  },
  MEETING_TASK_DONE: { status: 409, 'zh-CN': '该任务已办结', en: 'This task is already done' },
  MEETING_TASKS_OPEN: {
    status: 409,
    'zh-CN': '还有未办结的任务，不能反馈办结',
    en: 'Some tasks are still open; the follow-up report must wait',
  },
  MEETING_FOLLOWED_UP: { status: 409, 'zh-CN': '已反馈办结', en: 'The follow-up report is already written' },
  VOTE_STATE: { status: 409, 'zh-CN': '表决当前状态不允许此操作', en: 'The vote is not in a state that allows this' },
  VOTE_TIMES_INVALID: {
    status: 422,
    'zh-CN': '请设置晚于现在的截止时间（且晚于开始时间）',
    en: 'Set a closing time in the future (and after the opening time)',
  },
  VOTE_ROLL_EMPTY: {
    status: 422,
    'zh-CN': '表决范围内没有符合条件的选民',
    en: 'Nobody in the vote’s scope is eligible',
  },
  VOTE_NOT_OPEN: { status: 409, 'zh-CN': '表决未在进行中', en: 'The vote is not open for ballots now' },
  VOTE_CHANNEL_CLOSED: {
    status: 409,
    'zh-CN': '本次表决不接受这种投票方式',
    en: 'This vote does not take ballots this way',
  },
  VOTE_NOT_ELIGIBLE: { status: 403, 'zh-CN': '您不在本次表决的选民名册中', en: 'You are not on this vote’s roll' },
  VOTE_ALREADY_VOTED: {
    status: 409,
    'zh-CN': '已经投过票，不能重复投票',
    en: 'A ballot was already cast for this elector',
  },
  VOTE_MARKS_INVALID: {
    status: 422,
    'zh-CN': '选择无效：请在本次表决的选项中选择，不要超过可选数量',
    en: 'Invalid choice: pick options of this vote, no more than allowed',
  },
  VOTE_OPTIONS_LOCKED: { status: 409, 'zh-CN': '只有草稿状态的表决可以修改', en: 'Only a draft vote can be edited' },
  // 五公开 (issue 17, notices)
  NOTICE_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '该公开事项当前状态下不能进行此操作',
    en: 'This notice does not allow that action now',
  },
  NOTICE_OWN_APPROVAL: {
    status: 403,
    'zh-CN': '不能审核自己起草或修改的公开事项，请由另一位同事审核',
    en: 'You drafted or edited this notice: another colleague must approve it',
  },
  NOTICE_REASON_REQUIRED: { status: 400, 'zh-CN': '请写明原因', en: 'Give a reason' },
  NOTICE_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '只有草稿或被退回的公开事项可以修改',
    en: 'Only a draft or a returned notice can be edited',
  },
  NOTICE_PLACE_UNKNOWN: {
    status: 400,
    'zh-CN': '请选择您管辖范围内的社区、网格或楼栋',
    en: 'Choose a community, grid or building in your scope',
  },
  NOTICE_FINANCE_LINES: {
    status: 400,
    'zh-CN': '财务公开须填写收支明细；其他类别不填收支明细',
    en: 'A finance notice needs its lines; other kinds take none',
  },
  NOTICE_TOTALS_MISMATCH: {
    status: 400,
    'zh-CN': '合计与明细不符：合计由系统根据明细计算',
    en: 'The totals do not match the lines: the server computes them',
  },
  NOTICE_ATTACHMENT_TYPE: {
    status: 400,
    'zh-CN': '附件只能是 PDF 文件或图片',
    en: 'Attachments are PDF files or images only',
  },
  // 文明户评选 (issue 17): honours campaigns.
  HONOUR_STATE_CONFLICT: {
    status: 409,
    'zh-CN': '评选当前阶段不能进行此操作',
    en: 'Not possible in the campaign’s current phase',
  },
  HONOUR_PLACE_KIND: {
    status: 422,
    'zh-CN': '评选只能设在社区或街道',
    en: 'A campaign belongs to a community or a street',
  },
  HONOUR_BANDS_INVALID: {
    status: 422,
    'zh-CN': '星级分档有误：每个星级只能设一次，星级越高分数线越高',
    en: 'Star bands: one per star level, more stars need more points',
  },
  HONOUR_NOMINEE_REQUIRED: {
    status: 422,
    'zh-CN': '请选择被推荐的户或居民',
    en: 'Choose the household or resident nominated',
  },
  HONOUR_NOMINEE_OUTSIDE: {
    status: 422,
    'zh-CN': '被推荐的户或居民不在本次评选范围内',
    en: 'The nominee is outside the campaign’s place',
  },
  HONOUR_NOT_NEIGHBOUR: {
    status: 403,
    'zh-CN': '只能推荐本社区的住户',
    en: 'You can nominate only in your own community',
  },
  HONOUR_ALREADY_NOMINATED: { status: 409, 'zh-CN': '该户（人）已被推荐', en: 'Already nominated in this campaign' },
  HONOUR_PANEL_OUTSIDE: {
    status: 422,
    'zh-CN': '评审组成员须为本辖区工作人员或居民代表',
    en: 'Panel members are staff or residents of the place',
  },
  HONOUR_PANEL_HAS_SCORED: { status: 409, 'zh-CN': '该成员已评分，不能移出', en: 'This member has scored already' },
  HONOUR_NOT_PANEL: { status: 403, 'zh-CN': '只有评审组成员可以评分', en: 'Only panel members score' },
  HONOUR_SCORE_INVALID: {
    status: 422,
    'zh-CN': '每项标准都要打分，分值为 0 到该项满分的整数',
    en: 'Score every criterion with a whole number from 0 to its maximum',
  },
  HONOUR_SHORTLIST_RULE: {
    status: 422,
    'zh-CN': '入围规则不完整或有误',
    en: 'The shortlist rule is incomplete or wrong',
  },
  HONOUR_NO_NOMINATIONS: { status: 422, 'zh-CN': '还没有推荐对象', en: 'There are no nominations yet' },
  HONOUR_NO_PANEL: { status: 422, 'zh-CN': '请先组建评审组', en: 'Name the panel first' },
  HONOUR_NO_SHORTLIST: { status: 422, 'zh-CN': '请先确定入围名单', en: 'Set the shortlist first' },
  HONOUR_OBJECTION_END: {
    status: 422,
    'zh-CN': '请填写公示截止日期（不早于今天）',
    en: 'Give the last day of the notice (today or later)',
  },
  HONOUR_OBJECTION_PERIOD: { status: 409, 'zh-CN': '公示期尚未结束', en: 'The notice period has not ended' },
  HONOUR_OBJECTION_CLOSED: {
    status: 409,
    'zh-CN': '不在公示期内，不能提出异议',
    en: 'Objections are taken only during the notice',
  },
  HONOUR_NOT_RESIDENT: {
    status: 403,
    'zh-CN': '只有本社区居民可以提出异议',
    en: 'Only residents of the community may object',
  },
  HONOUR_REASON_REQUIRED: { status: 422, 'zh-CN': '请填写原因', en: 'Give the reason' },
} as const satisfies Record<string, { status: number; 'zh-CN': string; en: string }>;

export type ErrorCode = keyof typeof errorTable;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.status = errorTable[code].status;
  }
}

// Why one field of a request is refused, in each language. A service names the reason with
// `invalid(path, reason)`; the answer tells it in the caller's language, as zod's issues are told.
export const invalidReasons = {
  required: { 'zh-CN': '必填', en: 'required' },
  reasonRequired: { 'zh-CN': '请写明原因', en: 'a reason is required' },
  resultRequired: { 'zh-CN': '请写明办理结果', en: 'describe what was done' },
  scoreOneToFive: { 'zh-CN': '请打 1 到 5 分', en: 'a score from 1 to 5' },
  caseOrPlace: { 'zh-CN': '请指定一件诉求或一个地点', en: 'give a case or a place' },
  agreementText: { 'zh-CN': '请填写协议内容', en: 'an agreement needs its text' },
  tooManyPhotos: { 'zh-CN': '最多 9 张照片', en: 'at most 9 photos' },
  recipientRequired: { 'zh-CN': '请选择发送对象', en: 'choose whom to send it to' },
  controlCharacters: { 'zh-CN': '不能含控制字符', en: 'control characters are not allowed' },
  fromAfterTo: { 'zh-CN': '开始日期不能晚于结束日期', en: 'from must not be after to' },
  extraHours: { 'zh-CN': '请填写延长的小时数', en: 'how many hours more' },
  uuid: { 'zh-CN': '编号格式不正确', en: 'must be a UUID' },
  placeNotInScope: {
    'zh-CN': '不在您管辖范围内的社区、网格或地址',
    en: 'no such community, grid or address in scope',
  },
  notLegalAdviser: { 'zh-CN': '不是该地的法律顾问', en: 'not a legal adviser of this place' },
  notAskableCommunity: { 'zh-CN': '请从列表中选择您所在的社区', en: 'choose your community from the list' },
  notFound: { 'zh-CN': '找不到', en: 'not found' },
  requiredForKind: { 'zh-CN': '该类型必填', en: 'required for this kind' },
  buildingLocation: { 'zh-CN': '楼栋须标出位置', en: 'a building needs its location' },
  signaturesPng: { 'zh-CN': '签名须为已上传的 PNG 图片', en: 'signatures must be uploaded PNG images' },
  notCaseCommunityStaff: {
    'zh-CN': '此人不在该诉求所在社区工作',
    en: 'this person does not work in the case’s community',
  },
  notCommunityStaff: { 'zh-CN': '此人不在该社区工作', en: 'this person does not work in the community' },
  unknownCategory: { 'zh-CN': '没有这个类别', en: 'unknown category' },
  unknownDepartment: { 'zh-CN': '没有这个部门', en: 'unknown department' },
  unknownPhoto: { 'zh-CN': '没有这张照片', en: 'unknown photo' },
  formExpected: {
    'zh-CN': '请以表单提交（application/x-www-form-urlencoded 或 multipart/form-data）',
    en: 'a form (application/x-www-form-urlencoded or multipart/form-data)',
  },
  summonSomeone: { 'zh-CN': '请至少召集一个部门或一位法律顾问', en: 'summon at least one department or legal adviser' },
  // Open311 (GeoReport v2) parameters
  extensionJsonOrXml: { 'zh-CN': '请使用 .json 或 .xml 扩展名', en: 'use the .json or .xml extension' },
  countyCodeRequired: { 'zh-CN': '必填：区县代码', en: 'required: the county code' },
  outsideKeyCounty: { 'zh-CN': '不在该 api_key 所属区县范围内', en: 'outside the county of the api_key' },
  notKeyCounty: { 'zh-CN': '不是该 api_key 所属的区县', en: 'not the county of the api_key' },
  w3cDateTime: {
    'zh-CN': '请使用 W3C 日期时间格式，如 2026-11-24T00:00:00Z',
    en: 'a W3C date-time such as 2026-11-24T00:00:00Z',
  },
  latitudeRange: { 'zh-CN': '请填写 -90 到 90 之间的数', en: 'a number from -90 to 90' },
  longitudeRange: { 'zh-CN': '请填写 -180 到 180 之间的数', en: 'a number from -180 to 180' },
  latLongTogether: { 'zh-CN': '经度和纬度须同时填写', en: 'lat and long go together' },
  yesOrNo: { 'zh-CN': '请填写 yes 或 no', en: 'yes or no' },
  openOrClosed: { 'zh-CN': '请填写 open 或 closed', en: 'open or closed' },
  noSuchPlace: { 'zh-CN': '没有这个地点', en: 'no such place' },
  notInCommunity: { 'zh-CN': '不在 attribute[community] 所指的社区内', en: 'not in attribute[community]' },
  locationRequired: {
    'zh-CN': '请提供网格内的经纬度、attribute[community] 或 address_id',
    en: 'give lat and long inside a grid, attribute[community] or address_id',
  },
  descriptionLength: { 'zh-CN': '请写 5 到 2000 个字', en: '5 to 2000 characters' },
  nameTooLong: { 'zh-CN': '姓和名合计最多 40 个字', en: 'at most 40 characters with last_name' },
  addressTooLong: { 'zh-CN': '最多 200 个字', en: 'at most 200 characters' },
  httpUrl: { 'zh-CN': '请填写不超过 500 个字符的 http(s) 链接', en: 'an http(s) URL of at most 500 characters' },
  startAfterEnd: { 'zh-CN': '开始日期晚于结束日期', en: 'after end_date' },
  rangeAtMost90Days: { 'zh-CN': '时间范围最多 90 天', en: 'the range is at most 90 days' },
  codeCharacters: { 'zh-CN': '只能用字母、数字和短横线', en: 'letters, digits and dashes only' },
  ringClosed: {
    'zh-CN': '每个环须首尾相接（第一个点与最后一个点相同）',
    en: 'every ring must be closed (first point = last point)',
  },
  usernameCharacters: { 'zh-CN': '3–32 个字母、数字或 _ . -', en: '3–32 letters, digits, _ . -' },
  dayOutsideYear: { 'zh-CN': '日期不在所导入的年份内', en: 'the date is not in the year being imported' },
  dayRepeated: { 'zh-CN': '同一日期出现了两次', en: 'the same date appears twice' },
  hoursOrder: {
    'zh-CN': '每段须先上班后下班，各段按时间先后、互不重叠',
    en: 'each period opens before it closes; periods in order, not overlapping',
  },
  unknownKind: {
    'zh-CN': '没有这个类别，或该类别已停用',
    en: 'no such kind, or the kind has been retired',
  },
  phoneCharacters: { 'zh-CN': '只能用数字、空格和 + ( ) -', en: 'digits, spaces and + ( ) - only' },
  spotOutsideGrid: { 'zh-CN': '这个位置不在所选网格内', en: 'this point is not inside the chosen grid' },
  unknownCategoryParent: { 'zh-CN': '没有这个上级分类', en: 'no such parent category' },
  categoryOtherKind: { 'zh-CN': '事件分类和部件分类不能互为上下级', en: 'event and component classes do not mix' },
  categoryParentLoop: { 'zh-CN': '不能放到自己或自己的下级分类之下', en: 'not under itself or its own sub-category' },
  categoryTooDeep: { 'zh-CN': '分类最多三级', en: 'at most three levels' },
  categoryHasActiveChildren: {
    'zh-CN': '请先停用它的下级分类',
    en: 'deactivate its sub-categories first',
  },
  meetingInPast: { 'zh-CN': '协商会时间不能早于现在', en: 'the meeting cannot be in the past' },
  meetingTimeRequired: { 'zh-CN': '填写地点时请同时填写协商会时间', en: 'a meeting place needs a meeting time' },
  noteRequired: { 'zh-CN': '请填写备注（至少 2 个字）', en: 'write the note (2 characters or more)' },
  // 志愿服务队 and 核查 (issue 14)
  notCaseCommunityTeam: {
    'zh-CN': '该志愿服务队不属于诉求所在的社区或街道',
    en: 'this volunteer team does not serve the case’s community or street',
  },
  verifyNoteRequired: { 'zh-CN': '请写明现场核查情况', en: 'describe what the on-site check found' },
  notVolunteerHere: {
    'zh-CN': '此人不是该社区或街道的志愿者账号',
    en: 'this person holds no volunteer account in this community or street',
  },
  targetDisabled: { 'zh-CN': '此账号已停用，不能再接收诉求', en: 'this account is disabled and cannot take cases' },
  // 办件 (issue 15, services/applications)
  unknownServiceItem: { 'zh-CN': '没有这个服务事项，或已停用', en: 'no such service item, or it is inactive' },
  itemOrBundle: { 'zh-CN': '请选择一个服务事项或一件事套餐', en: 'give either an item or a bundle' },
  notACommunity: { 'zh-CN': '请选择办理的社区', en: 'choose the community' },
  windowOnlyItem: { 'zh-CN': '该事项只能到窗口办理', en: 'this item is handled at the window only' },
  applicantRequired: {
    'zh-CN': '请填写申请人姓名和身份证号，或从居民库选择',
    en: 'give the applicant’s name and ID number, or pick the resident',
  },
  unknownMaterial: { 'zh-CN': '该事项没有这项材料', en: 'the item asks for no such material' },
  materialMissing: { 'zh-CN': '缺少必交材料', en: 'a required material is missing' },
  atWindowStaffOnly: {
    'zh-CN': '只有窗口工作人员可以标记“窗口已核验”',
    en: 'only window staff mark a material as checked',
  },
  notImageOrPdf: { 'zh-CN': '材料只能是图片或 PDF 文件', en: 'materials are images or PDF files only' },
  ratingRequired: { 'zh-CN': '请选择评价等级', en: 'choose a rating' },
  idNumberInvalid: { 'zh-CN': '身份证号不正确（请核对校验位）', en: 'not a valid ID number (check digit)' },
  phoneInvalid: { 'zh-CN': '手机号码不正确', en: 'not a valid phone number' },
  // 救助顾问 (issue 15, services/assistance)
  notPlaceStaff: { 'zh-CN': '此人在该社区没有工作账号', en: 'this person holds no staff account in this community' },
  teamOtherCommunity: {
    'zh-CN': '该顾问团不属于此人所在的社区',
    en: 'this team does not serve the resident’s community',
  },
  notTeamMember: { 'zh-CN': '此人不是该顾问团的成员', en: 'this person is not a member of the team' },
  notTheirApplication: {
    'zh-CN': '找不到此人在本社区的这件申请',
    en: 'no such application of this resident in their community',
  },
  visitInFuture: { 'zh-CN': '走访日期不能晚于今天', en: 'the visit cannot be after today' },
  visitIdTaken: { 'zh-CN': '该编号已用于另一条走访记录', en: 'this id belongs to another visit' },
  // 服务事项目录 (issue 15, catalogue)
  departmentRequired: { 'zh-CN': '部门办理的事项须选择办理部门', en: 'a department-handled item needs its department' },
  departmentOnlyForDepartmentLevel: {
    'zh-CN': '社区或街道办理的事项不选部门',
    en: 'only a department-handled item names a department',
  },
  unknownBundleClass: { 'zh-CN': '没有这个一件事分类', en: 'no such bundle class' },
  unknownSampleFile: { 'zh-CN': '没有这个样表文件', en: 'no such sample file' },
  // 大厅 and 自助终端 (issue 15, services/hall)
  notServedHere: {
    'zh-CN': '本大厅没有办理该事项的窗口，请到其他大厅或咨询工作人员',
    en: 'no window of this hall handles it: try another hall or ask the staff',
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type InvalidReason = keyof typeof invalidReasons;

/** 400 VALIDATION_FAILED for one field, with a reason from `invalidReasons`, told in the caller's language. */
export const invalid = (path: string, reason: InvalidReason): AppError =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, reason }] });

type Issue = { path: string; message?: string; reason?: InvalidReason };

/** Issues named by reason get their message in the caller's language. */
function localizeDetails(details: unknown, locale: 'zh-CN' | 'en'): unknown {
  const issues = (details as { issues?: Issue[] } | undefined)?.issues;
  if (!Array.isArray(issues) || !issues.some((i) => i.reason)) return details;
  return {
    ...(details as object),
    issues: issues.map(({ reason, ...rest }) =>
      reason ? { path: rest.path, message: invalidReasons[reason][locale] } : rest,
    ),
  };
}

export function errorBody(code: ErrorCode, locale: 'zh-CN' | 'en', details?: unknown) {
  return {
    error: {
      code,
      message: errorTable[code][locale],
      ...(details === undefined ? {} : { details: localizeDetails(details, locale) }),
    },
  };
}
