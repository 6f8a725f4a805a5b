// 邻里生活 · stewards (issue 16): the messages of this area's phone pages, under community.stewards.
export default {};
