// 邻里生活 · units (issue 16): the messages of this area's console pages, under community.units.
export default {};
