// 邻里生活 · wishes (issue 16): the messages of this area's phone pages, under community.wishes.
export default {};
