// 邻里生活 · canteen (issue 16): the messages of this area's phone pages, under community.canteen.
export default {};
