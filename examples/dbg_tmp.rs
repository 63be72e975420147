fn main() {
    for text in [
        "标题\n外交部发言人在例行记者会上回答提问。李克强总理指出，要加强合作。",
        "外交部发言人在例行记者会上回答提问。",
    ] {
        let t = zhengqi::segment::tag(text);
        println!("{} {:?}", text.chars().count(), t.last());
    }
}
