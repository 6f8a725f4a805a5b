// What other features may import from `account`; everything else in the folder is its own.
export {
  insertStaffMembership,
  insertStaffUser,
  membershipScope,
  type MembershipScope,
  type NewStaffUser,
} from './staff.js';
