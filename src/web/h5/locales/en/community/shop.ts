// 邻里生活 · shop (issue 16): the messages of this area's phone pages, under community.shop.
export default {};
