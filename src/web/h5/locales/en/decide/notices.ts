// 居民议事 · notices (issue 17): the messages of this area's phone pages, under decide.notices.
export default {};
