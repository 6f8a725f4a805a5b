// 居民议事 · votes (issue 17): the messages of this area's phone pages, under decide.votes.
export default {};
