import votes from './decide/votes';
import topics from './decide/topics';
import meetings from './decide/meetings';
import supervisors from './decide/supervisors';
import notices from './decide/notices';
import honours from './decide/honours';
import numbers from './decide/numbers';
import todo from './decide/todo';

// 居民议事 (issue 17): one object per area, each in its own file.
export default {
  menu: { group: 'Deciding together' },
  votes,
  topics,
  meetings,
  supervisors,
  notices,
  honours,
  numbers,
  todo,
};
