// 邻里生活 · rooms (issue 16): the messages of this area's phone pages, under community.rooms.
export default {};
