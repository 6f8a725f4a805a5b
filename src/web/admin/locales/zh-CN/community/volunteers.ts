// 邻里生活 · volunteers (issue 16): the messages of this area's console pages, under community.volunteers.
export default {};
