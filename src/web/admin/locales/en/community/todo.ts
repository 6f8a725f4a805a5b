import type zh from '../../zh-CN/community/todo';

// To-do (issue 16): the workbench's community-life cards.
export default {
  title: 'Community life to-do',
  sub: 'Today {day}',
  none: 'Nothing waiting in community life',
  open: 'Open',
  kind: {
    wishesToReview: {
      title: 'Wishes to review',
      desc: 'Wishes posted by residents, grid workers or stewards, shown on the wall once approved',
    },
    entriesToConfirm: {
      title: 'Unit entries to confirm',
      desc: 'Co-building units reported fulfilment; confirming credits points',
    },
    redemptionsToHandOver: {
      title: 'Redemptions to hand over',
      desc: 'Goods redeemed by residents, handed over against the pickup code',
    },
    stewardNominations: { title: 'Steward nominations', desc: 'Buildings with nominations waiting' },
    stewardVotes: { title: 'Building votes open', desc: 'Votes in progress, to be closed and counted' },
    bookingsToday: { title: 'Room bookings today', desc: 'Today’s bookings to check in or complete' },
    postRecordsToConfirm: {
      title: 'Post records to confirm',
      desc: 'Monthly service records of in-service party members',
    },
  },
} satisfies typeof zh;
